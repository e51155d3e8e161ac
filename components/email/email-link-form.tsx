"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { undoEmailChangeAction, verifyEmailAction } from "@/lib/users/actions-email";

const linkClass =
  "font-semibold text-sky-600 hover:text-sky-700 focus-visible:underline dark:text-sky-400";

/** /verify-email's button: confirms the address (a new account's, or a changed one). */
export function VerifyEmailForm({ token, email }: { token: string; email: string }) {
  const { onSubmit, isPending, message, succeeded } = useActionForm(verifyEmailAction);
  if (succeeded) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">
          Your e-mail is verified: <strong className="break-all">{email}</strong> is your
          account&apos;s address.
        </Alert>
        <p className="text-center text-sm">
          <Link href="/" className={linkClass}>
            Continue to Snapgram
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      {message ? <Alert>{message}</Alert> : null}
      <Button type="submit" pending={isPending} fullWidth>
        Verify my e-mail
      </Button>
    </form>
  );
}

/** /undo-email-change's button: puts the old address back and signs every device out. */
export function UndoEmailChangeForm({ token, email }: { token: string; email: string }) {
  const { onSubmit, isPending, message, succeeded } = useActionForm(undoEmailChangeAction);
  if (succeeded) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">
          <strong className="break-all">{email}</strong> is your account&apos;s address again, and
          every device is signed out. Reset your password now: whoever changed the address may know
          it.
        </Alert>
        <p className="text-center text-sm">
          <Link href="/forgot-password" className={linkClass}>
            Reset my password
          </Link>
        </p>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      {message ? <Alert>{message}</Alert> : null}
      <Button type="submit" pending={isPending} fullWidth variant="danger">
        Put {email} back
      </Button>
    </form>
  );
}
