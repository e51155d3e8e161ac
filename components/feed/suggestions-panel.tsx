"use client";

import { ArrowRight, Camera } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FollowButton } from "@/components/profile/follow-button";
import { Button } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { AvatarLink, UsernameLink } from "@/components/ui/profile-link";
import type { PersonView } from "@/lib/shared/post-views";

type SuggestionsPanelProps = { name: string; people: PersonView[] };

/**
 * What a home page with an empty feed shows: a greeting and "Suggested for you". Following
 * someone does not reload the page at once (people usually follow several); a button does.
 */
export function SuggestionsPanel({ name, people }: SuggestionsPanelProps) {
  const router = useRouter();
  const [followed, setFollowed] = useState(0);
  const [refreshing, startRefresh] = useTransition();

  return (
    <section
      aria-labelledby="suggestions-heading"
      className="mx-auto w-full max-w-[470px] px-4 sm:px-0"
    >
      <div className="flex flex-col items-center py-8 text-center">
        <span className="mb-4 inline-flex size-16 items-center justify-center rounded-full border-2 border-neutral-900 dark:border-neutral-100">
          <Camera aria-hidden="true" strokeWidth={1.5} className="size-8" />
        </span>
        <p className="text-xl font-bold break-words">Welcome, {name}</p>
        <p className="mt-2 max-w-sm text-sm text-neutral-600 dark:text-neutral-400">
          When you follow people, their newest photos show up here. Start with a few of these.
        </p>
      </div>

      {people.length > 0 ? (
        <>
          <h2 id="suggestions-heading" className="text-base font-semibold">
            Suggested for you
          </h2>
          <ul className="mt-3 flex flex-col gap-1">
            {people.map((person) => (
              <li key={person.id} className="flex items-center gap-3 py-2">
                <AvatarLink person={person} size="md" />
                <div className="min-w-0 flex-1 leading-tight">
                  <UsernameLink username={person.username} className="block truncate text-sm" />
                  <p className="truncate text-sm text-neutral-500 dark:text-neutral-400">
                    {person.name}
                  </p>
                  {person.reason ? (
                    <p className="truncate text-xs text-neutral-500 dark:text-neutral-400">
                      {person.reason}
                    </p>
                  ) : null}
                </div>
                <FollowButton
                  person={person}
                  size="sm"
                  onChange={(following) => setFollowed((n) => n + (following ? 1 : -1))}
                />
              </li>
            ))}
          </ul>
          <div className="mt-6 flex justify-center">
            <Button
              onClick={() => startRefresh(() => router.refresh())}
              disabled={followed <= 0}
              pending={refreshing}
            >
              See your feed
              <ArrowRight aria-hidden="true" className="size-4" />
            </Button>
          </div>
        </>
      ) : (
        <div className="flex flex-col items-center">
          <h2 id="suggestions-heading" className="sr-only">
            Suggested for you
          </h2>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            No suggestions right now.
          </p>
          <Link
            href="/create"
            className="mt-3 rounded-sm text-sm font-semibold text-sky-600 hover:text-sky-800 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400 dark:hover:text-sky-300"
          >
            Share your first photo
          </Link>
        </div>
      )}
    </section>
  );
}
