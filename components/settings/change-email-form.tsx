"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { cancelEmailChangeAction, requestEmailChangeAction } from "@/lib/users/actions-email";

type Props = { email: string; verified: boolean; pendingEmail: string | null };

/**
 * Settings' "Change e-mail": the new address (and the current password) get a link mailed; the
 * account keeps its address until that link is opened, and shows the pending one meanwhile.
 */
export function ChangeEmailForm({ email, verified, pendingEmail }: Props) {
  const change = useActionForm(requestEmailChangeAction);
  const cancel = useActionForm(cancelEmailChangeAction);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <span className="text-neutral-500 dark:text-neutral-400">Your e-mail: </span>
        <span className="break-all font-medium">{email}</span>{" "}
        <span
          className={`ml-1 inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${
            verified
              ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-300"
              : "bg-amber-100 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
          }`}
        >
          {verified ? "Verified" : "Not verified"}
        </span>
      </p>
      {pendingEmail ? (
        <div
          role="status"
          className="flex flex-col gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2.5 text-sm text-sky-950 sm:flex-row sm:items-center sm:justify-between dark:border-sky-900/60 dark:bg-sky-950/40 dark:text-sky-100"
        >
          <p>
            Pending: <strong className="break-all">{pendingEmail}</strong>. Check your mail: the
            change takes effect when you open the link we sent there.
          </p>
          <Button
            variant="secondary"
            pending={cancel.isPending}
            onClick={() => cancel.execute()}
            className="h-9 shrink-0"
          >
            Cancel
          </Button>
        </div>
      ) : null}
      {/* A new pending address remounts the form: the fields (the password) are cleared. */}
      <form
        key={pendingEmail ?? "none"}
        method="post"
        onSubmit={change.onSubmit}
        noValidate
        className="flex flex-col gap-3"
      >
        <TextField
          label="New e-mail"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          errors={change.fieldErrors.email}
        />
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          errors={change.fieldErrors.currentPassword}
        />
        {change.message && !change.fieldErrors.email && !change.fieldErrors.currentPassword ? (
          <Alert>{change.message}</Alert>
        ) : null}
        {cancel.message ? <Alert>{cancel.message}</Alert> : null}
        <Button type="submit" pending={change.isPending} className="self-start">
          Change e-mail
        </Button>
      </form>
    </div>
  );
}
