import type { Metadata } from "next";
import { AuthAside, AuthCard, AuthLink } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { isResetTokenUsable } from "@/lib/auth/accounts";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token: rawToken } = await searchParams;
  const token = typeof rawToken === "string" ? rawToken : "";
  const usable = token !== "" && (await isResetTokenUsable(getDb(), token));

  if (!usable) {
    return (
      <>
        <AuthCard title="Reset link not valid">
          <Alert>This reset link is invalid, expired or already used.</Alert>
          <p className="mt-5 text-center text-sm">
            <AuthLink href="/forgot-password">Request a new link</AuthLink>
          </p>
        </AuthCard>
        <AuthAside>
          <AuthLink href="/login">Back to log in</AuthLink>
        </AuthAside>
      </>
    );
  }

  return (
    <>
      <AuthCard
        title="Create a new password"
        subtitle="Choose a password you don't use anywhere else."
      >
        <ResetPasswordForm token={token} />
      </AuthCard>
      <AuthAside>
        <AuthLink href="/login">Back to log in</AuthLink>
      </AuthAside>
    </>
  );
}
