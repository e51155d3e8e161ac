"use client";

import { usePathname } from "next/navigation";
import { type RefObject, useRef } from "react";
import { ListFetchError, listKeys } from "@/components/query/list-query";
import { useListQuery } from "@/components/query/use-list-query";
import { BlockButton } from "@/components/relations/block-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import Link from "@/components/ui/link";
import { AvatarLink, UsernameLink } from "@/components/ui/profile-link";
import { useLoadMore } from "@/components/ui/use-load-more";
import type { PersonView } from "@/lib/shared/post-views";
import { FollowButton } from "./follow-button";

type PeopleListDialogProps = {
  open: boolean;
  onClose: () => void;
  /** "Followers", "Following", "Likes" */
  title: string;
  /** A JSON route answering Page<PersonView> for ?cursor= */
  endpoint: string;
  emptyText?: string;
  signedIn?: boolean;
  /** Re-render the server page after a follow from the list (a profile's counts). */
  refreshOnFollow?: boolean;
  returnFocusRef?: RefObject<HTMLElement | null>;
};

/** Followers, following or likers in a dialog: rows with a follow button, more as you scroll. */
export function PeopleListDialog({
  open,
  onClose,
  title,
  endpoint,
  emptyText = "Nobody here yet.",
  signedIn = true,
  refreshOnFollow = false,
  returnFocusRef,
}: PeopleListDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      returnFocusRef={returnFocusRef}
      className="max-w-[400px]"
    >
      <PeopleList
        endpoint={endpoint}
        emptyText={emptyText}
        signedIn={signedIn}
        refreshOnFollow={refreshOnFollow}
        onNavigate={onClose}
      />
    </Dialog>
  );
}

type PeopleListProps = {
  endpoint: string;
  emptyText: string;
  signedIn: boolean;
  refreshOnFollow: boolean;
  onNavigate: () => void;
};

function PeopleList({
  endpoint,
  emptyText,
  signedIn,
  refreshOnFollow,
  onNavigate,
}: PeopleListProps) {
  const pathname = usePathname();
  const scroller = useRef<HTMLDivElement>(null);
  const query = useListQuery<PersonView>(
    { queryKey: listKeys.people(endpoint), endpoint },
    {
      staleTime: 30_000,
      retry: (count, error) =>
        !(error instanceof ListFetchError && error.status < 500) && count < 1,
    },
  );
  const { data, error, isPending, isFetchingNextPage, fetchNextPage, refetch } = query;
  const sentinel = useLoadMore(query, "200px", scroller);

  const people = data?.pages.flatMap((p) => p.items) ?? [];
  // The profile's own followers (or following) list: each row may be blocked from here.
  const ownsList = Boolean(
    (data?.pages[0] as { viewerOwnsList?: boolean } | undefined)?.viewerOwnsList,
  );
  const status = error instanceof ListFetchError ? error.status : null;

  return (
    <div ref={scroller} className="max-h-[min(26rem,calc(100dvh-8rem))] overflow-y-auto py-2">
      {isPending ? <PeopleSkeleton /> : null}
      {status === 401 ? (
        <p className="px-6 py-8 text-center text-sm text-neutral-600 dark:text-neutral-400">
          <Link
            href={`/login?next=${encodeURIComponent(pathname)}`}
            className="font-semibold text-sky-600 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400"
          >
            Log in
          </Link>{" "}
          to see this list.
        </p>
      ) : error && people.length === 0 ? (
        <div className="flex flex-col items-center gap-3 px-4 py-6">
          <Alert className="w-full">
            {status === 404 ? "This list isn't available." : "Couldn't load this list."}
          </Alert>
          {status === 404 ? null : (
            <Button variant="secondary" onClick={() => void refetch()}>
              Try again
            </Button>
          )}
        </div>
      ) : null}
      {data && people.length === 0 ? (
        <p className="px-6 py-10 text-center text-sm text-neutral-500 dark:text-neutral-400">
          {emptyText}
        </p>
      ) : null}

      {people.length > 0 ? (
        <ul>
          {people.map((person) => (
            <PersonRow
              key={person.id}
              person={person}
              signedIn={signedIn}
              refreshOnFollow={refreshOnFollow}
              onNavigate={onNavigate}
              canBlock={ownsList}
            />
          ))}
        </ul>
      ) : null}

      {isFetchingNextPage ? <PeopleSkeleton rows={2} /> : null}
      {query.isFetchNextPageError ? (
        <div className="flex justify-center px-4 py-3">
          <Button variant="secondary" onClick={() => void fetchNextPage()}>
            Couldn&apos;t load more. Try again
          </Button>
        </div>
      ) : null}
      <p className="sr-only" role="status">
        {isPending || isFetchingNextPage ? "Loading…" : ""}
      </p>
      <div ref={sentinel} aria-hidden="true" className="h-px" />
    </div>
  );
}

type PersonRowProps = Pick<PeopleListProps, "signedIn" | "refreshOnFollow" | "onNavigate"> & {
  person: PersonView;
  canBlock?: boolean;
};

function PersonRow({ person, signedIn, refreshOnFollow, onNavigate, canBlock }: PersonRowProps) {
  const _href = `/${encodeURIComponent(person.username)}`;
  return (
    <li className="flex items-center gap-3 px-4 py-2">
      <AvatarLink person={person} size="md" onClick={onNavigate} />
      <div className="min-w-0 flex-1 text-sm leading-tight">
        <UsernameLink username={person.username} onClick={onNavigate} />
        {person.name ? (
          <p className="truncate text-neutral-500 dark:text-neutral-400">{person.name}</p>
        ) : null}
        {person.reason ? (
          <p className="truncate text-xs text-neutral-500 dark:text-neutral-400">{person.reason}</p>
        ) : null}
      </div>
      {canBlock && !person.isViewer ? <BlockButton person={person} variant="pill" /> : null}
      {person.isViewer ? null : (
        <FollowButton
          person={person}
          signedIn={signedIn}
          refreshOnChange={refreshOnFollow}
          size="sm"
          className="shrink-0"
        />
      )}
    </li>
  );
}

function PeopleSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <ul aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <li key={i} className="flex items-center gap-3 px-4 py-2">
          <span className="size-11 shrink-0 animate-pulse rounded-full bg-neutral-200 dark:bg-neutral-800" />
          <span className="flex flex-1 flex-col gap-1.5">
            <span className="h-3 w-28 animate-pulse rounded bg-neutral-200 dark:bg-neutral-800" />
            <span className="h-3 w-20 animate-pulse rounded bg-neutral-200 dark:bg-neutral-800" />
          </span>
        </li>
      ))}
    </ul>
  );
}
