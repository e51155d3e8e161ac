"use client";

import { codeStepTicket, TwoFactorStep } from "@/components/auth/two-factor-step";
import { NewPasswordFields } from "@/components/forms/account-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { resetPasswordAction } from "@/lib/users/actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const { onSubmit, fieldErrors, message, isPending, data } = useActionForm(resetPasswordAction);
  // The password is changed; an account with two-factor on still gives its code to sign in.
  const ticket = codeStepTicket(data);
  if (ticket) return <TwoFactorStep ticket={ticket} />;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields fieldErrors={fieldErrors} />
      {message ? <Alert>{message}</Alert> : null}
      {fieldErrors.token?.length ? <Alert>{fieldErrors.token.join(" ")}</Alert> : null}
      <Button type="submit" pending={isPending} fullWidth className="mt-2">
        Reset password
      </Button>
    </form>
  );
}
