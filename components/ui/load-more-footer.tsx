"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { type InfiniteState, useLoadMore } from "@/components/ui/use-load-more";

type LoadMoreFooterProps = {
  query: InfiniteState;
  /** What the list holds, for the messages: "posts", "notifications" */
  noun: string;
  /** How far ahead of the viewport the next page is fetched (see useLoadMore). */
  margin?: string;
};

/**
 * The end of an infinitely scrolled list: a "loading more" status for screen readers, a retry
 * after a failed page, and the sentinel that fetches the next page as it comes near.
 */
export function LoadMoreFooter({ query, noun, margin }: LoadMoreFooterProps) {
  const sentinel = useLoadMore(query, margin);
  return (
    <>
      {query.isFetchingNextPage ? (
        <p className="sr-only" role="status">
          Loading more {noun}…
        </p>
      ) : null}
      {query.isFetchNextPageError ? (
        <div className="mx-auto mt-6 flex w-full max-w-sm flex-col items-center gap-3 px-4">
          <Alert className="w-full">Couldn&apos;t load more {noun}. Check your connection.</Alert>
          <Button variant="secondary" onClick={() => void query.fetchNextPage()}>
            Try again
          </Button>
        </div>
      ) : null}
      <div ref={sentinel} aria-hidden="true" className="h-px" />
    </>
  );
}
