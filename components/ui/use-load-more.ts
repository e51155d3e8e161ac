"use client";

import { type RefObject, useEffect, useRef, useState } from "react";
import { afterLoadAndIdle } from "@/components/ui/after-load";

/** The parts of a TanStack infinite query that paging by scroll needs. */
export type InfiniteState = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/**
 * Infinite scroll for a TanStack infinite query: returns a ref for a sentinel element placed after
 * the last item; the next page is fetched when it comes within `margin` of the viewport. Stops
 * while a page loads and after a failed one (the list shows a retry button instead). `root` is
 * the scrolling element when the list scrolls inside one (a dialog), else the viewport.
 *
 * Watching starts once the page has loaded and gone idle: a first page that is short on a tall
 * screen (or was, for a moment, while server HTML streamed in) has its end within `margin` at
 * once, and fetching and rendering the next items then ran in the middle of hydration (two
 * tasks of 30-55 ms on the bench's home page, four times that on a slow phone). Nobody scrolls
 * that far in that time.
 */
export function useLoadMore<T extends Element = HTMLDivElement>(
  query: InfiniteState,
  margin = "600px",
  root?: RefObject<Element | null>,
) {
  const sentinel = useRef<T>(null);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const canLoad = hasNextPage && !isFetchingNextPage && !isFetchNextPageError;
  const [pageSettled, setPageSettled] = useState(false);
  useEffect(() => afterLoadAndIdle(() => setPageSettled(true)), []);
  useEffect(() => {
    const el = sentinel.current;
    const rootEl = root ? root.current : null;
    if (!pageSettled || !el || !canLoad || (root && !rootEl)) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void fetchNextPage();
      },
      { root: rootEl, rootMargin: `${margin} 0px` },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [pageSettled, canLoad, fetchNextPage, margin, root]);
  return sentinel;
}
