"use client";

import { X } from "lucide-react";
import { useRef, useState } from "react";
import { toResult } from "@/components/forms/action-result";
import { FollowButton } from "@/components/profile/follow-button";
import { AvatarLink, UsernameLink } from "@/components/ui/profile-link";
import { dismissSuggestionAction } from "@/lib/discover/actions";
import type { PersonView } from "@/lib/shared/post-views";

/**
 * "Suggested for you" on the explore page: a row of cards with Follow and a dismiss (X) that
 * hides the person for good. Dismissing is optimistic; a failure puts the card back with a note.
 */
export function SuggestedPeople({ people }: { people: PersonView[] }) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shown = people.filter((p) => !hidden.has(p.id));
  if (people.length === 0) return null;

  const dismiss = async (person: PersonView, index: number) => {
    setError(null);
    setHidden((h) => new Set(h).add(person.id));
    // Keep the keyboard where it was: the next card's X, else the heading.
    window.requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>("[data-dismiss]");
      const next = buttons?.[Math.min(index, (buttons?.length ?? 1) - 1)];
      (next ?? heading.current)?.focus();
    });
    const result = toResult(
      await dismissSuggestionAction({ userId: person.id }).catch(() => undefined),
    );
    if (!result.ok) {
      setHidden((h) => {
        const next = new Set(h);
        next.delete(person.id);
        return next;
      });
      setError(`Couldn't hide ${person.username}: ${result.message}`);
    }
  };

  return (
    <section aria-labelledby="suggested-heading" className="px-4 md:px-0">
      <h2
        ref={heading}
        id="suggested-heading"
        tabIndex={-1}
        className="mb-3 text-base font-semibold focus:outline-none"
      >
        Suggested for you
      </h2>
      {error ? (
        <p role="alert" className="mb-2 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {shown.length === 0 ? (
        <p className="text-sm text-neutral-500 dark:text-neutral-400">
          No more suggestions right now.
        </p>
      ) : (
        <ul
          ref={list}
          className="relative -mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-2 [scrollbar-width:thin] md:mx-0 md:px-0"
        >
          {shown.map((person, i) => (
            <li
              key={person.id}
              className="relative flex w-40 shrink-0 snap-start flex-col items-center rounded-xl border border-neutral-200 px-3 pt-5 pb-3 text-center dark:border-neutral-800"
            >
              <button
                type="button"
                data-dismiss
                aria-label={`Dismiss ${person.username}`}
                title="Dismiss"
                onClick={() => void dismiss(person, i)}
                className="absolute top-1.5 right-1.5 inline-flex size-7 items-center justify-center rounded-full text-neutral-500 hover:bg-neutral-100 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-neutral-800 dark:hover:text-neutral-100"
              >
                <X aria-hidden="true" className="size-4" />
              </button>
              <AvatarLink person={person} size="lg" className="" />
              <UsernameLink
                username={person.username}
                className="mt-2 block max-w-full truncate text-sm"
              />
              <p className="w-full truncate text-xs text-neutral-500 dark:text-neutral-400">
                {person.name}
              </p>
              <p className="mb-3 line-clamp-2 min-h-8 w-full text-xs text-neutral-500 dark:text-neutral-400">
                {person.reason ?? ""}
              </p>
              <FollowButton
                person={person}
                size="sm"
                className="mt-auto w-full [&>button]:w-full"
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
