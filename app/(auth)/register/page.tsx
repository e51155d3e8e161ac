import type { Metadata } from "next";
import { AuthAside, AuthCard, AuthLink } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { type AuthSearchParams, authPageNext } from "../next-path";

export const metadata: Metadata = { title: "Sign up" };

type Props = { searchParams: AuthSearchParams };

export default async function RegisterPage({ searchParams }: Props) {
  const { next, otherHref: loginHref } = await authPageNext(searchParams, "/login");
  return (
    <>
      <AuthCard
        title="Create your Snapgram account"
        hideTitle
        subtitle="Sign up to see photos from your friends."
      >
        <RegisterForm next={next} />
      </AuthCard>
      <AuthAside>
        Have an account? <AuthLink href={loginHref}>Log in</AuthLink>
      </AuthAside>
    </>
  );
}
