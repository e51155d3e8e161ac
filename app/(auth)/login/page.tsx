import type { Metadata } from "next";
import { AuthAside, AuthCard, AuthLink } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { ACCOUNT_RESTORE_DAYS } from "@/lib/auth/deleted-accounts";
import { type AuthSearchParams, authPageNext } from "../next-path";

export const metadata: Metadata = { title: "Log in" };

type Props = { searchParams: AuthSearchParams & Promise<{ deleted?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const { next, otherHref: registerHref } = await authPageNext(searchParams, "/register");
  // Right after Settings -> Delete account (lib/account-deletion/validation.ts AFTER_DELETE_PATH).
  const justDeleted = (await searchParams).deleted === "1";
  return (
    <>
      <AuthCard
        title="Log in to Snapgram"
        hideTitle
        subtitle="Log in to see photos from the people you follow."
      >
        {justDeleted ? (
          <Alert tone="success" className="mb-4">
            Your account is deleted. Changed your mind? Log in within {ACCOUNT_RESTORE_DAYS} days to
            restore it.
          </Alert>
        ) : null}
        <LoginForm next={next} />
      </AuthCard>
      <AuthAside>
        Don&apos;t have an account? <AuthLink href={registerHref}>Sign up</AuthLink>
      </AuthAside>
    </>
  );
}
