import type { ReactNode } from "react";
import { VerifyEmailBanner } from "@/components/email/verify-email-banner";
import { SessionCheck } from "@/components/providers/session-check";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { AppShell } from "@/components/shell/app-shell";
import { getCurrentUser } from "@/lib/auth";
import { unverifiedEmail } from "@/lib/auth/email-verification";
import { getDb } from "@/lib/db";
import { isModerator } from "@/lib/moderation/access";
import { unreadCount } from "@/lib/notifications/queries";
import { realtimeClientConfig } from "@/lib/realtime";

// The app's frame. Profiles and posts are public; pages for signed-in people only call
// requireUser() (proxy.ts has already sent cookie-less visitors of those to /login).
// Live updates: the provider holds the signed-in user's private channel (the nav badge).
export default async function MainLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const [unread, toVerify] = user
    ? await Promise.all([unreadCount(getDb(), user.id), unverifiedEmail(getDb(), user.id)])
    : [0, null];
  return (
    <RealtimeProvider config={realtimeClientConfig()} viewerId={user?.id ?? null}>
      <AppShell
        username={user?.username ?? null}
        unreadCount={unread}
        moderator={isModerator(user)}
      >
        {toVerify ? <VerifyEmailBanner email={toVerify} /> : null}
        {children}
      </AppShell>
      <SessionCheck viewerId={user?.id ?? null} />
    </RealtimeProvider>
  );
}
