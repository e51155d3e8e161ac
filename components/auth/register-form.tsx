"use client";

import { EmailField, NewPasswordFields } from "@/components/forms/account-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { registerAction } from "@/lib/users/actions";

export function RegisterForm({ next }: { next?: string }) {
  const { onSubmit, fieldErrors, message, isPending } = useActionForm(registerAction);
  // The field messages already say what's wrong; repeat only a message that isn't about a field.
  const hasFieldErrors = Object.values(fieldErrors).some((e) => e && e.length > 0);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <EmailField errors={fieldErrors.email} />
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={30}
        errors={fieldErrors.username}
      />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        maxLength={50}
        errors={fieldErrors.name}
      />
      <NewPasswordFields fieldErrors={fieldErrors} label="Password" confirm={false} />
      {message && !hasFieldErrors ? <Alert>{message}</Alert> : null}
      <Button type="submit" pending={isPending} fullWidth className="mt-2">
        Sign up
      </Button>
    </form>
  );
}
