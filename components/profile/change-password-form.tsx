"use client";

import { useEffect, useRef } from "react";
import { NewPasswordFields } from "@/components/forms/account-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { changePasswordAction } from "@/lib/users/actions-profile";

/** Current, new and repeated password; every other session ends when it changes. */
export function ChangePasswordForm() {
  const form = useRef<HTMLFormElement>(null);
  const { onSubmit, fieldErrors, message, isPending, succeeded } =
    useActionForm(changePasswordAction);

  useEffect(() => {
    if (succeeded) form.current?.reset();
  }, [succeeded]);

  return (
    <form method="post" ref={form} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.currentPassword}
      />
      <NewPasswordFields fieldErrors={fieldErrors} />
      {message ? <Alert>{message}</Alert> : null}
      {succeeded && !message ? (
        <Alert tone="success">
          Password changed. You&apos;re still logged in here; other devices were logged out.
        </Alert>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" pending={isPending} className="min-w-40">
          Change password
        </Button>
      </div>
    </form>
  );
}
