import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthAside, AuthCard, AuthLink } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { getCurrentUser } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "Sign up" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function RegisterPage({ searchParams }: Props) {
  const { next: rawNext } = await searchParams;
  // Only a same-site path survives, here and in the form's hidden field and the other page's link.
  const next = safeNextPath(rawNext, "") || undefined;
  if (await getCurrentUser()) redirect(next ?? "/");
  const loginHref = next ? `/login?next=${encodeURIComponent(next)}` : "/login";
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
