"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type RefObject, useEffect } from "react";
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

/** Whether the viewer restricted `username`, fetched once something needs it (`enabled`). */
export function useRestricted(username: string, enabled: boolean) {
  return useQuery({
    queryKey: stateKey(username),
    queryFn: () => fetchRestricted(username),
    enabled,
  });
}

/**
 * The profile's Restrict dialog (Instagram's quiet block), opened from the profile's "…" menu: it
 * explains Restrict and restricts or unrestricts the account. Its state is fetched when it first
 * opens.
 */
export function RestrictDialog({
  userId,
  username,
  open,
  onClose,
  returnFocusRef,
}: Props & {
  open: boolean;
  onClose: () => void;
  returnFocusRef: RefObject<HTMLElement | null>;
}) {
  const queryClient = useQueryClient();
  const state = useRestricted(username, open);
  const mutation = useMutation({
    mutationFn: async (restricted: boolean) =>
      unwrap(toResult(await setRestrictAction({ userId, restricted }))),
    onSuccess: ({ restricted }) => {
      queryClient.setQueryData(stateKey(username), restricted);
      onClose();
    },
  });
  const { reset } = mutation;
  useEffect(() => {
    if (open) reset();
  }, [open, reset]);
  const restricted = state.data;
  const message = mutation.error
    ? failureOf(mutation.error).message
    : state.isError
      ? "Couldn't check. Try again."
      : null;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={restricted ? `Unrestrict ${username}?` : `Restrict ${username}?`}
      busy={mutation.isPending}
      returnFocusRef={returnFocusRef}
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
          {restricted === undefined ? "Checking…" : restricted ? "Unrestrict" : "Restrict account"}
        </Button>
        <Button variant="secondary" fullWidth onClick={onClose} data-autofocus>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
