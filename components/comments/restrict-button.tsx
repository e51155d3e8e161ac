"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MessageSquareLock } from "lucide-react";
import { useRef, useState } from "react";
import { failureOf, toResult, unwrap } from "@/components/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LazyDialog as Dialog } from "@/components/ui/lazy-dialog";
import { setRestrictAction } from "@/lib/comments/actions-restrict";

type Props = { userId: string; username: string };

const stateKey = (username: string) => ["restricted", username] as const;

async function fetchRestricted(username: string): Promise<boolean> {
  const res = await fetch(`/api/users/${encodeURIComponent(username)}/restricted`);
  if (!res.ok) throw new Error("Couldn't check. Try again.");
  return ((await res.json()) as { restricted: boolean }).restricted;
}

/**
 * The profile's Restrict button (Instagram's quiet block): a dialog that explains it and restricts
 * or unrestricts the account. Its state is fetched when the dialog first opens.
 */
export function RestrictButton({ userId, username }: Props) {
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const state = useQuery({
    queryKey: stateKey(username),
    queryFn: () => fetchRestricted(username),
    enabled: open,
  });
  const mutation = useMutation({
    mutationFn: async (restricted: boolean) =>
      unwrap(toResult(await setRestrictAction({ userId, restricted }))),
    onSuccess: ({ restricted }) => {
      queryClient.setQueryData(stateKey(username), restricted);
      setOpen(false);
    },
  });
  const restricted = state.data;
  const message = mutation.error
    ? failureOf(mutation.error).message
    : state.isError
      ? "Couldn't check. Try again."
      : null;

  return (
    <>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="dialog"
        aria-label={`Restrict or unrestrict ${username}`}
        title="Restrict"
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
        className="inline-flex size-9 items-center justify-center rounded-full text-neutral-900 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-neutral-100 dark:hover:bg-neutral-800"
      >
        <MessageSquareLock aria-hidden="true" className="size-5" />
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={restricted ? `Unrestrict ${username}?` : `Restrict ${username}?`}
        busy={mutation.isPending}
        returnFocusRef={trigger}
        className="max-w-sm"
      >
        <div className="flex flex-col gap-3 p-5 text-sm">
          {message ? <Alert>{message}</Alert> : null}
          <p className="text-neutral-600 dark:text-neutral-300">
            {restricted
              ? "Their new comments on your posts will be visible to everyone again."
              : "Their new comments on your posts will be visible only to them until you approve them. They won't be notified that you restricted them."}
          </p>
          <Button
            fullWidth
            pending={mutation.isPending}
            disabled={restricted === undefined}
            onClick={() => mutation.mutate(!restricted)}
          >
            {restricted === undefined
              ? "Checking…"
              : restricted
                ? "Unrestrict"
                : "Restrict account"}
          </Button>
          <Button variant="secondary" fullWidth onClick={() => setOpen(false)} data-autofocus>
            Cancel
          </Button>
        </div>
      </Dialog>
    </>
  );
}
