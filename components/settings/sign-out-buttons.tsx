"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { signOutAction, signOutEverywhereAction } from "@/lib/users/actions";

/** "Log out" ends this session; "Log out of all devices" ends every session of the account. */
export function SignOutButtons() {
  const here = useActionForm(signOutAction);
  const everywhere = useActionForm(signOutEverywhereAction);
  const busy = here.isPending || everywhere.isPending;
  const message = here.message ?? everywhere.message;
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Log out of Snapgram on this device.
        </p>
        <Button
          variant="secondary"
          pending={here.isPending}
          disabled={busy}
          onClick={() => here.execute(undefined)}
          className="shrink-0 sm:w-48"
        >
          Log out
        </Button>
      </div>
      <div className="h-px bg-neutral-200 dark:bg-neutral-800" />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Lost a phone or used a shared computer? This ends every session, including this one, and
          you&apos;ll need to log in again everywhere.
        </p>
        <Button
          variant="danger"
          pending={everywhere.isPending}
          disabled={busy}
          onClick={() => everywhere.execute(undefined)}
          className="shrink-0 sm:w-48"
        >
          Log out of all devices
        </Button>
      </div>
      {message ? <Alert>{message}</Alert> : null}
    </div>
  );
}
