"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { failureIn } from "@/components/forms/action-result";
import { Button } from "@/components/ui/button";
import { decideAction } from "@/lib/moderation/actions";

/** "Restore @name" on a suspension in the log: gives the account back (old sessions stay ended). */
export function RestoreButton({ userId, username }: { userId: string; username: string }) {
  const router = useRouter();
  const { execute, result, isPending } = useAction(decideAction, {
    onSuccess: ({ data }) => {
      if (data?.ok) router.refresh();
    },
  });
  const failure = failureIn(result);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        pending={isPending}
        onClick={() => execute({ targetType: "user", targetId: userId, decision: "restore" })}
        className="h-8"
      >
        Restore @{username}
      </Button>
      {failure ? (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {failure.message}
        </span>
      ) : null}
    </span>
  );
}
