import type { Metadata } from "next";
import { AuthAside, AuthCard, AuthLink } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { type AuthSearchParams, authPageNext } from "../next-path";

export const metadata: Metadata = { title: "Log in" };

type Props = { searchParams: AuthSearchParams };

export default async function LoginPage({ searchParams }: Props) {
  const { next, otherHref: registerHref } = await authPageNext(searchParams, "/register");
  return (
    <>
      <AuthCard
        title="Log in to Snapgram"
        hideTitle
        subtitle="Log in to see photos from the people you follow."
      >
        <LoginForm next={next} />
      </AuthCard>
      <AuthAside>
        Don&apos;t have an account? <AuthLink href={registerHref}>Sign up</AuthLink>
      </AuthAside>
    </>
  );
}
