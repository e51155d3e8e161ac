"use client";

import { Check } from "lucide-react";
import { useDeferredValue, useMemo } from "react";
import { FeedCard } from "@/components/feed/feed-card";
import { distinctItems, lists } from "@/components/query/list-query";
import { useListQuery } from "@/components/query/use-list-query";
import { LiveStatus } from "@/components/realtime/live-status";
import { useLiveFallback } from "@/components/realtime/use-live-fallback";
import { LoadMoreFooter } from "@/components/ui/load-more-footer";
import type { AuthorView, FeedPost } from "@/lib/shared/post-views";

/**
 * The home feed: the first page is prefetched by the server page (lists.feed), later pages come
 * from /api/feed by keyset cursor as the end of the list comes near (useLoadMore).
 */
export function FeedList({ viewer }: { viewer: AuthorView }) {
  // Cards keep their counts live from events; while those are paused, the feed polls instead.
  const live = useLiveFallback();
  const query = useListQuery<FeedPost>(lists.feed(viewer.id), {
    refetchInterval: live.refetchInterval,
    refetchOnWindowFocus: live.refetchOnWindowFocus ? "always" : false,
  });
  const { data, hasNextPage, isFetchingNextPage } = query;

  // A post seen on an earlier page is not repeated.
  const pages = data?.pages;
  const latest = useMemo(() => distinctItems(pages), [pages]);
  // A page arriving is a synchronous update (TanStack's store): the cards it adds render in a
  // deferred, interruptible pass instead (ten cards were one 40-60 ms task, four times that on a
  // slow phone), while the cards already shown stay as they are.
  const posts = useDeferredValue(latest);
  // The same elements while the posts are the same: a re-render for anything else (a page
  // starting to load, the live state) passes the cards by.
  //
  // No Suspense boundary per card: React 19 outlines such boundaries out of the server's first
  // chunk and reveals them up to 300 ms later (batched), so for that time the feed was one card
  // tall on a phone: its end was in view, the second page was fetched during hydration, and
  // the loading skeleton was pushed down when the three cards appeared (a layout shift). The
  // whole first page hydrates in the transition Next.js starts, which yields between cards.
  const cards = useMemo(
    () =>
      posts.map((post, i) => (
        <FeedCard key={post.id} post={post} priority={i === 0} viewer={viewer} />
      )),
    [posts, viewer],
  );

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
        {cards}
      </div>
      {isFetchingNextPage ? <FeedCardSkeleton /> : null}
      {/* The sentinel sits under the last card: seen 1200 px ahead, the next page is fetched. */}
      <LoadMoreFooter query={query} noun="posts" margin="1200px" />
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
