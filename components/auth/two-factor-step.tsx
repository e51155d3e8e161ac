"use client";

import { useEffect, useRef } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInCodeAction } from "@/lib/users/actions-two-factor";

/** The code-step ticket in a password step's answer ({ twoFactor: true, ticket }), if any. */
export function codeStepTicket(data: unknown): string | null {
  if (typeof data !== "object" || data === null) return null;
  const { twoFactor, ticket } = data as { twoFactor?: unknown; ticket?: unknown };
  return twoFactor === true && typeof ticket === "string" ? ticket : null;
}

/**
 * The second step of signing in: the ticket from the password step (never the password) and a
 * code from the authenticator app or a recovery code.
 */
export function TwoFactorStep({ ticket, next }: { ticket: string; next?: string }) {
  const { onSubmit, fieldErrors, message, isPending } = useActionForm(signInCodeAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>("input[name=code]")?.focus();
  }, []);
  const codeErrors = fieldErrors.code ?? fieldErrors.ticket;
  return (
    <form
      ref={form}
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-labelledby="two-factor-heading"
    >
      <h2 id="two-factor-heading" className="text-base font-semibold">
        Two-factor authentication
      </h2>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Enter the 6-digit code from your authenticator app, or one of your recovery codes.
      </p>
      <input type="hidden" name="ticket" value={ticket} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        label="Security code"
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
        errors={codeErrors}
      />
      {message && !codeErrors ? <Alert>{message}</Alert> : null}
      <Button type="submit" pending={isPending} fullWidth className="mt-2">
        Confirm
      </Button>
      <a
        href="/login"
        className="mt-3 self-center text-sm text-neutral-900 hover:underline dark:text-neutral-100"
      >
        Start over
      </a>
    </form>
  );
}
