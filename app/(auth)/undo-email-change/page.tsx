import type { Metadata } from "next";
import { AuthAside, AuthCard, AuthLink } from "@/components/auth/auth-card";
import { UndoEmailChangeForm } from "@/components/email/email-link-form";
import { Alert } from "@/components/ui/alert";
import { usableEmailLink } from "@/lib/auth/email-verification";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Undo the e-mail change" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// The old address's link after an e-mail change (7 days): one button puts that address back.
export default async function UndoEmailChangePage({ searchParams }: Props) {
  const { token: rawToken } = await searchParams;
  const token = typeof rawToken === "string" ? rawToken : "";
  const link = token ? await usableEmailLink(getDb(), token) : null;

  if (link?.purpose !== "undo") {
    return (
      <>
        <AuthCard title="Link not valid">
          <Alert>
            This link is invalid, expired or already used. An e-mail change can be undone for 7
            days.
          </Alert>
        </AuthCard>
        <AuthAside>
          <AuthLink href="/forgot-password">Reset your password</AuthLink>
        </AuthAside>
      </>
    );
  }
  return (
    <>
      <AuthCard
        title="Undo the e-mail change"
        subtitle="Wasn't it you? Put your old address back: every device is signed out, then you reset your password."
      >
        <UndoEmailChangeForm token={token} email={link.email} />
      </AuthCard>
      <AuthAside>
        <AuthLink href="/login">Log in</AuthLink>
      </AuthAside>
    </>
  );
}
