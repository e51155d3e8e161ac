"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchListPage, type ListSource, pagingOptions } from "./list-query";

type ExtraOptions = {
  refetchInterval?: number | false;
  refetchOnWindowFocus?: boolean | "always";
  staleTime?: number;
  retry?: (failureCount: number, error: Error) => boolean;
};

/**
 * A paged list in the browser: its first page comes hydrated from the server render
 * (prefetchFirstPage + HydrateLists), later pages from its JSON route by cursor.
 */
export function useListQuery<T>(source: ListSource, options: ExtraOptions = {}) {
  return useInfiniteQuery({
    queryKey: source.queryKey,
    queryFn: ({ pageParam, signal }) => fetchListPage<T>(source.endpoint, pageParam, signal),
    ...pagingOptions,
    ...options,
  });
}
