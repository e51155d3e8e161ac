"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { resendVerificationAction } from "@/lib/users/actions-email";

/** "Resend" the verification link; says where it went, or why not (at most 3 an hour). */
export function ResendVerificationButton({ email }: { email: string }) {
  const { execute, isPending, message, succeeded } = useActionForm(resendVerificationAction);
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button
        variant="secondary"
        pending={isPending}
        disabled={succeeded}
        onClick={() => execute()}
        className="h-9 shrink-0"
      >
        {succeeded ? "Sent" : "Resend"}
      </Button>
      <p aria-live="polite" className="text-xs">
        {succeeded ? `A new link is on its way to ${email}.` : null}
        {message ? <span className="text-red-700 dark:text-red-300">{message}</span> : null}
      </p>
    </div>
  );
}
