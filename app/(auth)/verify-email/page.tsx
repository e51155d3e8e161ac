import type { Metadata } from "next";
import { AuthAside, AuthCard, AuthLink } from "@/components/auth/auth-card";
import { VerifyEmailForm } from "@/components/email/email-link-form";
import { ResendVerificationButton } from "@/components/email/resend-verification-button";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth";
import { emailStatus, usableEmailLink } from "@/lib/auth/email-verification";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Verify your e-mail" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// The mailed link of a new account (or of a new address): one button confirms it. The page only
// reads; the action does the work, so a mail scanner that opens the link changes nothing.
export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token: rawToken } = await searchParams;
  const token = typeof rawToken === "string" ? rawToken : "";
  const link = token ? await usableEmailLink(getDb(), token) : null;

  if (!link || link.purpose === "undo") return <InvalidLink />;
  const change = link.purpose === "change";
  return (
    <>
      <AuthCard
        title={change ? "Confirm your new e-mail" : "Verify your e-mail"}
        subtitle={
          <>
            {change ? "Use " : "Confirm "}
            <strong className="break-all text-neutral-900 dark:text-neutral-100">
              {link.email}
            </strong>
            {change ? " for your Snapgram account." : " as your Snapgram account's address."}
          </>
        }
      >
        <VerifyEmailForm token={token} email={link.email} />
      </AuthCard>
      <AuthAside>
        <AuthLink href="/">Back to Snapgram</AuthLink>
      </AuthAside>
    </>
  );
}

async function InvalidLink() {
  const user = await getCurrentUser();
  const status = user ? await emailStatus(getDb(), user.id) : null;
  return (
    <>
      <AuthCard title="Link not valid">
        <Alert>This link is invalid, expired or already used.</Alert>
        {status?.verified ? (
          <p className="mt-4 text-center text-sm">
            Your e-mail {status.email} is verified already.
          </p>
        ) : null}
        {status && !status.verified ? (
          <div className="mt-4 flex flex-col items-center gap-2 text-center text-sm">
            <p>Ask for a new link to {status.email}:</p>
            <ResendVerificationButton email={status.email} />
          </div>
        ) : null}
        {!user ? (
          <p className="mt-4 text-center text-sm">
            Log in to ask for a new link:{" "}
            <AuthLink href="/login?next=/accounts/settings">Log in</AuthLink>
          </p>
        ) : null}
      </AuthCard>
      <AuthAside>
        <AuthLink href="/">Back to Snapgram</AuthLink>
      </AuthAside>
    </>
  );
}
