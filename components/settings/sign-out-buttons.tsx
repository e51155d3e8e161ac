"use client";

import { Fragment, type ReactNode } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { signOutAction, signOutEverywhereAction } from "@/lib/users/actions";

/** One setting row: what it does, and its button. */
function SignOutRow(props: {
  children: ReactNode;
  label: string;
  variant: "secondary" | "danger";
  pending: boolean;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <p className="text-sm text-neutral-600 dark:text-neutral-400">{props.children}</p>
      <Button
        variant={props.variant}
        pending={props.pending}
        disabled={props.disabled}
        onClick={props.onClick}
        className="shrink-0 sm:w-48"
      >
        {props.label}
      </Button>
    </div>
  );
}

/** "Log out" ends this session; "Log out of all devices" ends every session of the account. */
export function SignOutButtons() {
  const here = useActionForm(signOutAction);
  const everywhere = useActionForm(signOutEverywhereAction);
  const busy = here.isPending || everywhere.isPending;
  const message = here.message ?? everywhere.message;
  const rows = [
    {
      form: here,
      label: "Log out",
      variant: "secondary" as const,
      text: "Log out of Snapgram on this device.",
    },
    {
      form: everywhere,
      label: "Log out of all devices",
      variant: "danger" as const,
      text: "Lost a phone or used a shared computer? This ends every session, including this one, and you'll need to log in again everywhere.",
    },
  ];
  return (
    <div className="flex flex-col gap-5">
      {rows.map(({ form, label, variant, text }, i) => (
        <Fragment key={label}>
          {i > 0 ? <div className="h-px bg-neutral-200 dark:bg-neutral-800" /> : null}
          <SignOutRow
            label={label}
            variant={variant}
            pending={form.isPending}
            disabled={busy}
            onClick={() => form.execute(undefined)}
          >
            {text}
          </SignOutRow>
        </Fragment>
      ))}
      {message ? <Alert>{message}</Alert> : null}
    </div>
  );
}
