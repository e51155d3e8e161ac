import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthAside, AuthCard, AuthLink } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "Log in" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const { next: rawNext } = await searchParams;
  // Only a same-site path survives, here and in the form's hidden field and the other page's link.
  const next = safeNextPath(rawNext, "") || undefined;
  if (await getCurrentUser()) redirect(next ?? "/");
  const registerHref = next ? `/register?next=${encodeURIComponent(next)}` : "/register";
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
