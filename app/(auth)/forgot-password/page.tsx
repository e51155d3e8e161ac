import type { Metadata } from "next";
import { AuthAside, AuthCard, AuthLink } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Reset password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <AuthCard
        title="Trouble logging in?"
        subtitle="Enter your email and we'll send you a link to get back into your account."
      >
        <ForgotPasswordForm />
      </AuthCard>
      <AuthAside>
        <AuthLink href="/login">Back to log in</AuthLink>
      </AuthAside>
    </>
  );
}
