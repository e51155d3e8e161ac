"use client";

import { failureOf } from "@/components/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AvatarLink, UsernameLink } from "@/components/ui/profile-link";
import type { PersonView } from "@/lib/shared/post-views";
import { useSetBlock, useSetMute } from "./use-relations";

export type MutedPerson = PersonView & { posts: boolean; comments: boolean };

function Person({ person, detail }: { person: PersonView; detail?: string }) {
  return (
    <>
      <AvatarLink person={person} size="md" />
      <div className="min-w-0 flex-1 text-sm leading-tight">
        <UsernameLink username={person.username} />
        {person.name ? (
          <p className="truncate text-neutral-500 dark:text-neutral-400">{person.name}</p>
        ) : null}
        {detail ? (
          <p className="truncate text-xs text-neutral-500 dark:text-neutral-400">{detail}</p>
        ) : null}
      </div>
    </>
  );
}

function BlockedRow({ person }: { person: PersonView }) {
  const mutation = useSetBlock();
  return (
    <li className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0">
      <div className="flex items-center gap-3">
        <Person person={person} />
        <Button
          variant="secondary"
          className="h-8 shrink-0"
          pending={mutation.isPending}
          aria-label={`Unblock ${person.username}`}
          onClick={() => mutation.mutate({ userId: person.id, blocked: false })}
        >
          Unblock
        </Button>
      </div>
      {mutation.error ? <Alert>{failureOf(mutation.error).message}</Alert> : null}
    </li>
  );
}

const mutedWhat = (m: MutedPerson) =>
  m.posts && m.comments ? "Posts and comments muted" : m.posts ? "Posts muted" : "Comments muted";

function MutedRow({ person }: { person: MutedPerson }) {
  const mutation = useSetMute();
  return (
    <li className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0">
      <div className="flex items-center gap-3">
        <Person person={person} detail={mutedWhat(person)} />
        <Button
          variant="secondary"
          className="h-8 shrink-0"
          pending={mutation.isPending}
          aria-label={`Unmute ${person.username}`}
          onClick={() => mutation.mutate({ userId: person.id, posts: false, comments: false })}
        >
          Unmute
        </Button>
      </div>
      {mutation.error ? <Alert>{failureOf(mutation.error).message}</Alert> : null}
    </li>
  );
}

/** Settings -> Blocked accounts: each with Unblock. */
export function BlockedList({ people }: { people: PersonView[] }) {
  if (people.length === 0) {
    return (
      <p className="text-sm text-neutral-500 dark:text-neutral-400">
        You haven&apos;t blocked anyone.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
      {people.map((p) => (
        <BlockedRow key={p.id} person={p} />
      ))}
    </ul>
  );
}

/** Settings -> Muted accounts: each with what is muted and Unmute. */
export function MutedList({ people }: { people: MutedPerson[] }) {
  if (people.length === 0) {
    return (
      <p className="text-sm text-neutral-500 dark:text-neutral-400">
        You haven&apos;t muted anyone. Mute someone from the … menu on their profile.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
      {people.map((p) => (
        <MutedRow key={p.id} person={p} />
      ))}
    </ul>
  );
}
