import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getCurrentUser } from "@/lib/auth";

// The app's frame. Profiles and posts are public; pages for signed-in people only call
// requireUser() (proxy.ts has already sent cookie-less visitors of those to /login).
export default async function MainLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return <AppShell username={user?.username ?? null}>{children}</AppShell>;
}
