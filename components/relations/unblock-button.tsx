"use client";

import { failureOf } from "@/components/forms/action-result";
import { useSetBlock } from "./use-relations";

/**
 * A blocked profile's header button in place of Follow (following someone you blocked is refused
 * as if they did not exist): Unblock, at once, as Instagram does; the page then re-renders.
 */
export function UnblockButton({
  person,
  className = "",
}: {
  person: { id: string; username: string };
  className?: string;
}) {
  const mutation = useSetBlock();
  return (
    <span className={`relative inline-flex flex-col ${className}`}>
      <button
        type="button"
        disabled={mutation.isPending}
        aria-label={`Unblock ${person.username}`}
        onClick={() => mutation.mutate({ userId: person.id, blocked: false })}
        className="inline-flex h-8 min-w-[6.5rem] items-center justify-center rounded-lg bg-neutral-100 px-5 text-sm font-semibold text-neutral-900 transition-colors hover:bg-neutral-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-60 md:h-9 dark:bg-neutral-800 dark:text-neutral-100 dark:hover:bg-neutral-700"
      >
        Unblock
      </button>
      {mutation.error ? (
        <span role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
          {failureOf(mutation.error).message}
        </span>
      ) : null}
    </span>
  );
}
