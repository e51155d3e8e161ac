"use client";

import { type InfiniteData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Bookmark, Camera, Copy, Grid3x3, Heart, MessageCircle } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useEffect, useId, useRef } from "react";
import { PhotoImage } from "@/components/post/post-media";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { GridItem, Page } from "@/lib/shared/post-views";

type GridData = InfiniteData<Page<GridItem>, string | null>;

/** The TanStack Query key of a profile's grid (usernames are case-insensitive). */
export const profileGridKey = (username: string) =>
  ["profile-grid", username.toLowerCase()] as const;

/** The owner's saved posts; under profileGridKey, so removing a profile's grids drops it too. */
export const savedGridKey = (username: string) => [...profileGridKey(username), "saved"] as const;

/** Which grid a profile shows: its posts, or (to its owner only) the saved posts. */
export type GridSource = "posts" | "saved";

/** Another list of posts shown in the same grid (explore, a tag): where its pages come from. */
export type GridFeed = {
  /** JSON Page<GridItem> endpoint; `?cursor=` is appended for the next pages */
  endpoint: string;
  queryKey: readonly unknown[];
  /** the section's heading */
  title: string;
  /** shown when the list is empty */
  empty?: ReactNode;
};

async function fetchGridPage(endpoint: string, cursor: string | null, signal: AbortSignal) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  const res = await fetch(`${endpoint}${query}`, {
    signal,
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new Error(`Couldn't load more posts (${res.status}).`);
  return (await res.json()) as Page<GridItem>;
}

const countFormat = new Intl.NumberFormat("en-US", { notation: "compact" });
// Three columns inside a page of at most 935 px (minus gaps), the full width on phones.
const THUMB_SIZES = "(min-width: 935px) 309px, 33vw";

type ProfileGridProps = {
  initialPage: Page<GridItem>;
  /** Profile tabs above the grid name it: the heading is then for screen readers only. */
  hideHeading?: boolean;
} & (
  | { username: string; isSelf: boolean; source?: GridSource; feed?: undefined }
  | { feed: GridFeed; username?: undefined; isSelf?: undefined; source?: undefined }
);

/**
 * The profile's 3-column grid: the first page from the server, more as the bottom comes near.
 * With `feed`, the same grid shows another list of posts (explore, a tag's posts).
 */
export function ProfileGrid({
  username = "",
  initialPage,
  isSelf = false,
  source = "posts",
  hideHeading = false,
  feed,
}: ProfileGridProps) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const gridKey =
    feed?.queryKey ?? (source === "saved" ? savedGridKey(username) : profileGridKey(username));
  const endpoint = feed?.endpoint ?? `/api/users/${encodeURIComponent(username)}/${source}`;
  const query = useInfiniteQuery({
    queryKey: gridKey,
    queryFn: ({ pageParam, signal }) => fetchGridPage(endpoint, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initialPage], pageParams: [null] },
  });
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;

  // A newer server render (a post added or deleted) replaces a cached grid that no longer matches.
  const keyText = JSON.stringify(gridKey);
  useEffect(() => {
    const key = JSON.parse(keyText) as unknown[];
    const cached = queryClient.getQueryData<GridData>(key);
    const ids = (p: Page<GridItem> | undefined) => p?.items.map((i) => i.id).join() ?? "";
    if (cached && ids(cached.pages[0]) !== ids(initialPage)) {
      queryClient.setQueryData<GridData>(key, { pages: [initialPage], pageParams: [null] });
    }
  }, [initialPage, queryClient, keyText]);

  const sentinel = useRef<HTMLDivElement>(null);
  const canLoad = hasNextPage && !isFetchingNextPage && !isFetchNextPageError;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !canLoad) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void fetchNextPage();
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [canLoad, fetchNextPage]);

  // A post is shown once, even if two pages of a re-ranked list both hold it.
  const seen = new Set<string>();
  const items = data.pages.flatMap((p) => p.items).filter((i) => !seen.has(i.id) && seen.add(i.id));
  const title = feed?.title ?? (source === "saved" ? "Saved" : "Posts");

  return (
    <section
      aria-labelledby={headingId}
      className={hideHeading || feed ? "" : "border-t border-neutral-200 dark:border-neutral-800"}
    >
      <h2
        id={headingId}
        className={
          hideHeading
            ? "sr-only"
            : feed
              ? "px-4 pt-2 pb-3 text-sm font-semibold text-neutral-500 md:px-0 dark:text-neutral-400"
              : "flex h-12 items-center justify-center gap-1.5 text-xs font-semibold tracking-widest text-neutral-900 uppercase md:-mt-px md:h-[52px] md:border-t md:border-neutral-900 md:px-1 dark:text-neutral-100 md:dark:border-neutral-100 md:mx-auto md:w-fit"
        }
      >
        {feed ? null : <Grid3x3 aria-hidden="true" className="size-3.5" />}
        {title}
      </h2>

      {items.length === 0 && !hasNextPage ? (
        feed ? (
          (feed.empty ?? null)
        ) : source === "saved" ? (
          <EmptySaved />
        ) : (
          <EmptyGrid isSelf={isSelf} />
        )
      ) : (
        <ul className="grid grid-cols-3 gap-0.5 md:gap-1">
          {items.map((item, i) => (
            <li key={item.id}>
              <GridThumb item={item} priority={i < 3} />
            </li>
          ))}
          {isFetchingNextPage
            ? [0, 1, 2].map((n) => (
                <li
                  key={`skeleton-${n}`}
                  aria-hidden="true"
                  className="aspect-square animate-pulse bg-neutral-200 dark:bg-neutral-800"
                />
              ))
            : null}
        </ul>
      )}

      {isFetchingNextPage ? (
        <p className="sr-only" role="status">
          Loading more posts…
        </p>
      ) : null}
      {isFetchNextPageError ? (
        <div className="mx-auto mt-6 flex max-w-sm flex-col items-center gap-3 px-4">
          <Alert className="w-full">Couldn&apos;t load more posts. Check your connection.</Alert>
          <Button variant="secondary" onClick={() => void fetchNextPage()}>
            Try again
          </Button>
        </div>
      ) : null}
      <div ref={sentinel} aria-hidden="true" className="h-px" />
    </section>
  );
}

function GridThumb({ item, priority }: { item: GridItem; priority: boolean }) {
  const { cover } = item;
  return (
    <Link href={`/p/${item.id}`} className="group relative block focus-visible:outline-none">
      <PhotoImage media={cover} sizes={THUMB_SIZES} priority={priority} className="aspect-square" />
      {cover.alt ? null : <span className="sr-only">Photo</span>}
      <span className="sr-only">
        {item.mediaCount > 1 ? `, ${item.mediaCount} photos` : ""}, {item.likeCount} likes,{" "}
        {item.commentCount} comments
      </span>
      {item.mediaCount > 1 ? (
        <Copy
          aria-hidden="true"
          className="absolute top-2 right-2 size-5 -scale-x-100 text-white drop-shadow-[0_1px_2px_rgb(0_0_0/0.6)]"
        />
      ) : null}
      <span
        aria-hidden="true"
        className="absolute inset-0 hidden items-center justify-center gap-6 bg-black/35 text-base font-bold text-white opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100 md:flex"
      >
        <span className="inline-flex items-center gap-1.5">
          <Heart className="size-5 fill-current" />
          {countFormat.format(item.likeCount)}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <MessageCircle className="size-5 fill-current -scale-x-100" />
          {countFormat.format(item.commentCount)}
        </span>
      </span>
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-0 hidden ring-2 ring-sky-500 ring-inset group-focus-visible:block"
      />
    </Link>
  );
}

function EmptyGrid({ isSelf }: { isSelf: boolean }) {
  return (
    <div className="flex flex-col items-center px-6 py-14 text-center">
      <span className="mb-4 inline-flex size-16 items-center justify-center rounded-full border-2 border-neutral-900 dark:border-neutral-100">
        <Camera aria-hidden="true" strokeWidth={1.5} className="size-8" />
      </span>
      <p className="text-2xl font-extrabold md:text-3xl">No posts yet</p>
      {isSelf ? (
        <>
          <p className="mt-3 max-w-xs text-sm text-neutral-600 dark:text-neutral-400">
            When you share photos, they will appear on your profile.
          </p>
          <Link
            href="/create"
            className="mt-4 rounded-sm text-sm font-semibold text-sky-600 hover:text-sky-800 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400 dark:hover:text-sky-300"
          >
            Share your first photo
          </Link>
        </>
      ) : null}
    </div>
  );
}

function EmptySaved() {
  return (
    <div className="flex flex-col items-center px-6 py-14 text-center">
      <span className="mb-4 inline-flex size-16 items-center justify-center rounded-full border-2 border-neutral-900 dark:border-neutral-100">
        <Bookmark aria-hidden="true" strokeWidth={1.5} className="size-8" />
      </span>
      <p className="text-2xl font-extrabold md:text-3xl">Save</p>
      <p className="mt-3 max-w-xs text-sm text-neutral-600 dark:text-neutral-400">
        Save photos that you want to see again. No one is notified, and only you can see what
        you&apos;ve saved.
      </p>
    </div>
  );
}
