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
export function DeleteAccountForm({ username }: { username: string }) {
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
      {/* SECOND-FACTOR FIELD (issue #16): the two-factor code field goes here, for accounts with
          two-factor on (see the check in lib/account-deletion/service.ts). */}
      {message && !fieldErrors.password ? <Alert>{message}</Alert> : null}
      <Button type="submit" variant="danger" pending={isPending} fullWidth className="mt-2">
        Delete my account
      </Button>
    </form>
  );
}
