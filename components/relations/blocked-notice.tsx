"use client";

import { failureOf } from "@/components/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useSetBlock } from "./use-relations";

/** What a blocker sees instead of the blocked account's posts: the block, and Unblock. */
export function BlockedNotice({ person }: { person: { id: string; username: string } }) {
  const mutation = useSetBlock();
  return (
    <section
      aria-labelledby="blocked-heading"
      className="mx-4 flex flex-col items-center gap-3 border-t border-neutral-200 py-12 text-center md:mx-0 dark:border-neutral-800"
    >
      <h2 id="blocked-heading" className="text-base font-semibold">
        You blocked {person.username}
      </h2>
      <p className="max-w-sm text-sm text-neutral-500 dark:text-neutral-400">
        They can&apos;t find your profile or posts, and you won&apos;t see theirs.
      </p>
      {mutation.error ? <Alert>{failureOf(mutation.error).message}</Alert> : null}
      <Button
        variant="secondary"
        pending={mutation.isPending}
        onClick={() => mutation.mutate({ userId: person.id, blocked: false })}
      >
        Unblock
      </Button>
    </section>
  );
}
