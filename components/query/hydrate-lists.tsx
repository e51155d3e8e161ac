import "server-only";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { Page } from "@/lib/shared/post-views";
import { emptyPage, pagingOptions } from "./list-query";

// The server half of the list cache: a page makes one QueryClient per request (never shared
// between users), loads each list's first page into it under the key the client reads, and
// renders its lists inside <HydrateLists>, which hands those pages to the browser's cache.

/** A QueryClient for one request of one server page. */
export function createRequestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60 * 1000, retry: false } } });
}

/**
 * Loads a list's first page (from lib/<feature> queries) into the request's client and returns
 * it. A failing query throws, as the page did before it used the cache.
 */
export async function prefetchFirstPage<T>(
  client: QueryClient,
  queryKey: readonly unknown[],
  load: () => Promise<Page<T> | null | undefined>,
): Promise<Page<T>> {
  const data = await client.fetchInfiniteQuery({
    queryKey,
    queryFn: async () => (await load()) ?? emptyPage<T>(),
    ...pagingOptions,
  });
  return data.pages[0] ?? emptyPage<T>();
}

/** The lists under it find their prefetched first pages in the browser's query cache. */
export function HydrateLists({ client, children }: { client: QueryClient; children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
