"use client";

import type { RefObject } from "react";
import { failureOf } from "@/components/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LazyDialog as Dialog } from "@/components/ui/lazy-dialog";
import { useSetBlock } from "./use-relations";

type BlockDialogProps = {
  open: boolean;
  onClose: () => void;
  person: { id: string; username: string };
  returnFocusRef?: RefObject<HTMLElement | null>;
  /** After the block was saved (the dialog closes itself). */
  onBlocked?: () => void;
};

/** "Block ana?": what a block does, as Instagram explains it, then Block or Cancel. */
export function BlockDialog({
  open,
  onClose,
  person,
  returnFocusRef,
  onBlocked,
}: BlockDialogProps) {
  const mutation = useSetBlock(() => {
    onClose();
    onBlocked?.();
  });
  const message = mutation.error ? failureOf(mutation.error).message : null;
  return (
    <Dialog
      open={open}
      onClose={() => {
        mutation.reset();
        onClose();
      }}
      title={`Block ${person.username}?`}
      busy={mutation.isPending}
      returnFocusRef={returnFocusRef}
      showCloseButton={false}
      className="max-w-sm"
      description={
        <>
          They won&apos;t be able to find your profile or posts, or like, comment on, follow or
          mention you. You&apos;ll stop following each other, and their likes and comments on your
          posts will be removed. Snapgram won&apos;t let them know you blocked them. You can unblock
          them at any time in Settings.
        </>
      }
    >
      <div className="flex flex-col gap-3 p-5">
        {message ? <Alert>{message}</Alert> : null}
        <Button
          variant="danger"
          fullWidth
          pending={mutation.isPending}
          onClick={() => mutation.mutate({ userId: person.id, blocked: true })}
        >
          Block
        </Button>
        <Button
          variant="secondary"
          fullWidth
          disabled={mutation.isPending}
          onClick={onClose}
          data-autofocus
        >
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
