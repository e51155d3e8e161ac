"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";
import { failureIn } from "@/components/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { decideAction } from "@/lib/moderation/actions";
import type { ReportTargetType } from "@/lib/moderation/limits";

type Decision = "remove" | "suspend" | "dismiss";

/** A moderator's buttons on one reported target, with an optional note for the audit log. */
export function DecisionButtons({
  targetType,
  targetId,
  targetGone,
  authorName,
}: {
  targetType: ReportTargetType;
  targetId: string;
  /** the target was already deleted or its account suspended: only dismissing is left */
  targetGone: boolean;
  /** whose account "Suspend" suspends */
  authorName: string | null;
}) {
  const router = useRouter();
  const noteId = useId();
  const [note, setNote] = useState("");
  const [chosen, setChosen] = useState<Decision | null>(null);
  const { execute, result, isPending } = useAction(decideAction, {
    onSuccess: ({ data }) => {
      if (data?.ok) router.refresh();
    },
  });
  const failure = failureIn(result);
  const run = (decision: Decision) => {
    setChosen(decision);
    execute({ targetType, targetId, decision, note });
  };
  const busy = (d: Decision) => isPending && chosen === d;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label
          htmlFor={noteId}
          className="text-xs font-semibold text-neutral-600 dark:text-neutral-300"
        >
          Note for the log (optional)
        </label>
        <input
          id={noteId}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          className="h-9 rounded-lg border border-neutral-300 bg-transparent px-3 text-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-neutral-700"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        {!targetGone && targetType !== "user" ? (
          <Button
            variant="danger"
            pending={busy("remove")}
            disabled={isPending}
            onClick={() => run("remove")}
          >
            Remove {targetType}
          </Button>
        ) : null}
        {!targetGone && authorName ? (
          <Button
            variant="danger"
            pending={busy("suspend")}
            disabled={isPending}
            onClick={() => run("suspend")}
          >
            Suspend @{authorName}
          </Button>
        ) : null}
        <Button
          variant="secondary"
          pending={busy("dismiss")}
          disabled={isPending}
          onClick={() => run("dismiss")}
        >
          Dismiss
        </Button>
      </div>
      {failure ? <Alert tone="error">{failure.message}</Alert> : null}
    </div>
  );
}
