"use client";

import { EmailField } from "@/components/forms/account-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { forgotPasswordAction } from "@/lib/users/actions";

export const RESET_SENT =
  "If an account exists for that email, we've sent a link to reset your password.";

export function ForgotPasswordForm() {
  const { onSubmit, fieldErrors, message, isPending, succeeded } =
    useActionForm(forgotPasswordAction);
  const hasFieldErrors = Boolean(fieldErrors.email?.length);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <EmailField errors={fieldErrors.email} />
      {succeeded ? <Alert tone="success">{RESET_SENT}</Alert> : null}
      {message && !hasFieldErrors ? <Alert>{message}</Alert> : null}
      <Button type="submit" pending={isPending} fullWidth className="mt-2">
        Send reset link
      </Button>
    </form>
  );
}
