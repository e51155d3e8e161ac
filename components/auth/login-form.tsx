"use client";

import { codeStepTicket, TwoFactorStep } from "@/components/auth/two-factor-step";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { TextField } from "@/components/ui/text-field";
import { signInAction } from "@/lib/users/actions";

export function LoginForm({ next }: { next?: string }) {
  const { onSubmit, fieldErrors, message, isPending, data } = useActionForm(signInAction);
  const ticket = codeStepTicket(data);
  if (ticket) return <TwoFactorStep ticket={ticket} next={next} />;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        label="Email or username"
        name="identifier"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        errors={fieldErrors.identifier}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      {message ? <Alert>{message}</Alert> : null}
      <Button type="submit" pending={isPending} fullWidth className="mt-2">
        Log in
      </Button>
      <Link
        href="/forgot-password"
        className="mt-3 self-center text-sm text-neutral-900 hover:underline dark:text-neutral-100"
      >
        Forgot password?
      </Link>
    </form>
  );
}
