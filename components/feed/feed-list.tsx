"use client";

import { type InfiniteData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Check } from "lucide-react";
import { useEffect } from "react";
import { FeedCard } from "@/components/feed/feed-card";
import { LiveStatus } from "@/components/realtime/live-status";
import { useLiveFallback } from "@/components/realtime/use-live-fallback";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useLoadMore } from "@/components/ui/use-load-more";
import type { AuthorView, FeedPost, Page } from "@/lib/shared/post-views";

type FeedData = InfiniteData<Page<FeedPost>, string | null>;

/** The TanStack Query key of the viewer's home feed (one per account, should a tab switch). */
export const feedKey = (viewerId: string) => ["feed", viewerId] as const;

async function fetchFeedPage(cursor: string | null, signal: AbortSignal) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  const res = await fetch(`/api/feed${query}`, { signal, headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`Couldn't load more posts (${res.status}).`);
  return (await res.json()) as Page<FeedPost>;
}

/** Posts of all pages in order, each once: a post seen on an earlier page is not repeated. */
function uniquePosts(pages: Page<FeedPost>[]): FeedPost[] {
  const seen = new Set<string>();
  return pages.flatMap((p) => p.items).filter((post) => !seen.has(post.id) && seen.add(post.id));
}

type FeedListProps = { initialPage: Page<FeedPost>; viewer: AuthorView };

/**
 * The home feed: the first page comes from the server, later pages from /api/feed by keyset
 * cursor as the end of the list comes near (an IntersectionObserver on a sentinel).
 */
export function FeedList({ initialPage, viewer }: FeedListProps) {
  const queryClient = useQueryClient();
  // Cards keep their counts live from events; while those are paused, the feed polls instead.
  const live = useLiveFallback();
  const query = useInfiniteQuery({
    queryKey: feedKey(viewer.id),
    queryFn: ({ pageParam, signal }) => fetchFeedPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initialPage], pageParams: [null] },
    refetchInterval: live.refetchInterval,
    refetchOnWindowFocus: live.refetchOnWindowFocus ? "always" : false,
  });
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;

  // A newer server render (new posts, a follow) replaces a cached feed that starts differently.
  useEffect(() => {
    const cacheKey = feedKey(viewer.id);
    const cached = queryClient.getQueryData<FeedData>(cacheKey);
    const ids = (p: Page<FeedPost> | undefined) => p?.items.map((i) => i.id).join() ?? "";
    if (cached && ids(cached.pages[0]) !== ids(initialPage)) {
      queryClient.setQueryData<FeedData>(cacheKey, { pages: [initialPage], pageParams: [null] });
    }
  }, [initialPage, queryClient, viewer.id]);

  const sentinel = useLoadMore(query, "1200px");

  const posts = uniquePosts(data.pages);

  return (
    <section aria-labelledby="feed-heading" className="flex flex-col">
      <h2 id="feed-heading" className="sr-only">
        Posts from people you follow
      </h2>
      <div
        role="feed"
        aria-busy={isFetchingNextPage}
        aria-labelledby="feed-heading"
        className="flex flex-col gap-2 sm:gap-4"
      >
        {posts.map((post, i) => (
          <FeedCard key={post.id} post={post} priority={i === 0} viewer={viewer} />
        ))}
      </div>
      {/* The sentinel sits under the last card: seen 1200 px ahead, the next page is fetched. */}
      <div ref={sentinel} aria-hidden="true" className="h-px" />

      {isFetchingNextPage ? (
        <>
          <FeedCardSkeleton />
          <p className="sr-only" role="status">
            Loading more posts…
          </p>
        </>
      ) : null}
      {isFetchNextPageError ? (
        <div className="mx-auto mt-6 flex w-full max-w-sm flex-col items-center gap-3 px-4">
          <Alert className="w-full">Couldn&apos;t load more posts. Check your connection.</Alert>
          <Button variant="secondary" onClick={() => void fetchNextPage()}>
            Try again
          </Button>
        </div>
      ) : null}
      {!hasNextPage && posts.length > 0 ? <CaughtUp /> : null}
      <LiveStatus />
    </section>
  );
}

/** A grey card of the same shape as a post while the next page loads. */
function FeedCardSkeleton() {
  return (
    <div aria-hidden="true" className="mx-auto w-full max-w-[470px] animate-pulse pt-2 pb-4">
      <div className="flex items-center gap-3 px-3 py-2.5 sm:px-0">
        <div className="size-8 rounded-full bg-neutral-200 dark:bg-neutral-800" />
        <div className="h-3 w-32 rounded bg-neutral-200 dark:bg-neutral-800" />
      </div>
      <div className="aspect-[4/5] w-full bg-neutral-200 sm:rounded-md dark:bg-neutral-800" />
      <div className="mt-3 space-y-2 px-3 sm:px-0">
        <div className="h-3 w-24 rounded bg-neutral-200 dark:bg-neutral-800" />
        <div className="h-3 w-3/4 rounded bg-neutral-200 dark:bg-neutral-800" />
      </div>
    </div>
  );
}

function CaughtUp() {
  return (
    <div className="mx-auto flex max-w-[470px] flex-col items-center px-6 pt-8 pb-12 text-center">
      <span className="inline-flex size-14 items-center justify-center rounded-full bg-gradient-to-br from-amber-400 via-pink-500 to-violet-600 text-white">
        <Check aria-hidden="true" strokeWidth={2.5} className="size-7" />
      </span>
      <p className="mt-3 text-lg font-semibold">You&apos;re all caught up</p>
      <p className="mt-1 text-sm text-neutral-500 dark:text-neutral-400">
        You&apos;ve seen all the posts from the people you follow.
      </p>
    </div>
  );
}
