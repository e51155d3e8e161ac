"use client";

import { useEffect, useRef } from "react";

type InfiniteState = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/**
 * Infinite scroll for a TanStack infinite query: returns a ref for a sentinel element placed after
 * the last item; the next page is fetched when it comes within `margin` of the viewport. Stops
 * while a page loads and after a failed one (the list shows a retry button instead).
 */
export function useLoadMore<T extends Element = HTMLDivElement>(
  query: InfiniteState,
  margin = "600px",
) {
  const sentinel = useRef<T>(null);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const canLoad = hasNextPage && !isFetchingNextPage && !isFetchNextPageError;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !canLoad) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void fetchNextPage();
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [canLoad, fetchNextPage, margin]);
  return sentinel;
}
