"use client";

import { MoreHorizontal } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useCallback, useId, useRef, useState } from "react";
import { failureIn } from "@/components/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LazyDialog as Dialog } from "@/components/ui/lazy-dialog";
import { reportAction } from "@/lib/moderation/actions";
import {
  MAX_DETAILS,
  REPORT_REASONS,
  type ReportReason,
  type ReportTargetType,
  reasonLabels,
} from "@/lib/moderation/limits";

const what: Record<ReportTargetType, string> = {
  post: "post",
  comment: "comment",
  user: "account",
};

/**
 * "…" (or a flag) that opens "Report": why, optionally a few words, then a thank-you. Reporting
 * the same thing twice is fine: the server keeps one open report per person.
 */
export function ReportButton({
  targetType,
  targetId,
  variant = "menu",
}: {
  targetType: ReportTargetType;
  targetId: string;
  /** "menu": a "…" button (post and profile headers); "inline": a small "Report" (comments) */
  variant?: "menu" | "inline";
}) {
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [details, setDetails] = useState("");
  const { execute, result, isPending, hasSucceeded, reset } = useAction(reportAction);
  const failure = failureIn(result);
  const done = hasSucceeded && !failure;
  const detailsId = useId();
  const close = useCallback(() => {
    setOpen(false);
    setReason(null);
    setDetails("");
    reset();
  }, [reset]);
  const label = `Report this ${what[targetType]}`;

  return (
    <>
      <button
        ref={trigger}
        type="button"
        aria-label={label}
        aria-haspopup="dialog"
        title={label}
        onClick={() => setOpen(true)}
        className={
          variant === "menu"
            ? "inline-flex size-9 items-center justify-center rounded-full text-neutral-900 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-neutral-100 dark:hover:bg-neutral-800"
            : "font-semibold hover:text-neutral-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:text-neutral-100"
        }
      >
        {variant === "menu" ? <MoreHorizontal aria-hidden="true" className="size-5" /> : "Report"}
      </button>

      <Dialog
        open={open}
        onClose={close}
        title={done ? "Thanks for letting us know" : "Report"}
        returnFocusRef={trigger}
        busy={isPending}
        className="max-w-md"
      >
        {done ? (
          <div className="flex flex-col gap-4">
            <p className="text-sm text-neutral-600 dark:text-neutral-300">
              Our moderators will review this {what[targetType]}. The person won't know who reported
              it.
            </p>
            <Button type="button" onClick={close} fullWidth>
              Close
            </Button>
          </div>
        ) : (
          <form
            className="flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              if (reason) execute({ targetType, targetId, reason, details });
            }}
          >
            <fieldset>
              <legend className="mb-2 text-sm font-semibold">
                Why are you reporting this {what[targetType]}?
              </legend>
              <div className="flex flex-col">
                {REPORT_REASONS.map((r) => (
                  <label
                    key={r}
                    className="flex cursor-pointer items-center gap-3 border-t border-neutral-200 py-2.5 text-sm first:border-t-0 dark:border-neutral-800"
                  >
                    <input
                      type="radio"
                      name="reason"
                      value={r}
                      checked={reason === r}
                      onChange={() => setReason(r)}
                      className="size-4 accent-sky-600"
                    />
                    {reasonLabels[r]}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex flex-col gap-1">
              <label htmlFor={detailsId} className="text-sm font-semibold">
                Anything else? <span className="font-normal text-neutral-500">(optional)</span>
              </label>
              <textarea
                id={detailsId}
                value={details}
                maxLength={MAX_DETAILS}
                rows={2}
                onChange={(e) => setDetails(e.target.value)}
                className="rounded-lg border border-neutral-300 bg-transparent px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-neutral-700"
              />
            </div>
            {failure ? <Alert tone="error">{failure.message}</Alert> : null}
            <Button type="submit" disabled={!reason} pending={isPending} fullWidth>
              Submit report
            </Button>
          </form>
        )}
      </Dialog>
    </>
  );
}
