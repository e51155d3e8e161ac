import { COMMENTS_OFF_MESSAGE } from "@/lib/shared/post-controls";

/**
 * What the comment box's textarea is, shared by the full form and the feed card's stand-in
 * (deferred-comment-form.tsx), which must look and read the same until it is swapped.
 */
export function commentBoxProps(compact: boolean) {
  return {
    name: "body",
    rows: 1,
    "aria-label": "Add a comment",
    placeholder: "Add a comment…",
    autoComplete: "off",
    className: `min-w-0 flex-1 resize-none bg-transparent text-sm leading-5 placeholder:text-neutral-500 focus:outline-none dark:placeholder:text-neutral-400 ${compact ? "py-1" : "py-2"}`,
  } as const;
}

/** What takes the comment box's place when the post's author turned comments off. */
export function CommentsOffNotice({ className = "" }: { className?: string }) {
  return (
    <p className={`text-sm text-neutral-500 dark:text-neutral-400 ${className}`}>
      {COMMENTS_OFF_MESSAGE}
    </p>
  );
}
