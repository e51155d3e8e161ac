"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { deleteAccountAction } from "@/lib/account-deletion/actions";

/**
 * Settings -> Delete account: the password, then the account is gone from everywhere and this
 * device is signed out (the action redirects to the log-in page).
 */
export function DeleteAccountForm({
  username,
  twoFactor = false,
}: {
  username: string;
  /** The account has two-factor on: its code is asked too. */
  twoFactor?: boolean;
}) {
  const { onSubmit, fieldErrors, message, isPending } = useActionForm(deleteAccountAction);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {/* Lets password managers tie the password to this account. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <TextField
        label="Your password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      {twoFactor ? (
        <TextField
          label="Code from your authenticator app"
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint="Or one of your recovery codes."
          errors={fieldErrors.code}
        />
      ) : null}
      {message && !fieldErrors.password && !fieldErrors.code ? <Alert>{message}</Alert> : null}
      <Button type="submit" variant="danger" pending={isPending} fullWidth className="mt-2">
        Delete my account
      </Button>
    </form>
  );
}
