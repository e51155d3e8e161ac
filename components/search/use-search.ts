"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { toResult } from "@/components/forms/action-result";
import { clearRecentSearchesAction, recordSearchAction } from "@/lib/search/actions";
import type { RecentSearch, TypeaheadResult } from "@/lib/search/queries";
import type { PersonView } from "@/lib/shared/post-views";

// The data half of the search box: the debounced query, its results (or the recent searches when
// the query is empty), and what choosing an option does.

export const SEARCH_DEBOUNCE_MS = 200;

type SearchResponse = TypeaheadResult & { recent?: RecentSearch[] };

/** One choice of the listbox: a person or a tag, from results or recent searches. */
export type SearchOption =
  | { key: string; kind: "user"; href: string; user: PersonView }
  | { key: string; kind: "tag"; href: string; tag: string; postCount: number };

export const searchKey = (q: string) => ["search", q] as const;

export async function fetchSearch(q: string, signal: AbortSignal): Promise<SearchResponse> {
  const res = await fetch(`/api/search?q=${encodeURIComponent(q)}`, {
    signal,
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new Error(`Search failed (${res.status}).`);
  return (await res.json()) as SearchResponse;
}

export const userOption = (user: PersonView): SearchOption => ({
  key: `user:${user.id}`,
  kind: "user",
  href: `/${encodeURIComponent(user.username)}`,
  user,
});
export const tagOption = (tag: string, postCount: number): SearchOption => ({
  key: `tag:${tag}`,
  kind: "tag",
  href: `/explore/tags/${encodeURIComponent(tag)}`,
  tag,
  postCount,
});

export function useSearch(enabled: boolean) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [value, setValue] = useState("");
  const [debounced, setDebounced] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value.trim()), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [value]);

  const typing = value.trim() !== debounced;
  const query = useQuery({
    queryKey: searchKey(debounced),
    queryFn: ({ signal }) => fetchSearch(debounced, signal),
    enabled,
    staleTime: debounced ? 30_000 : 0,
    placeholderData: debounced ? keepPreviousData : undefined,
  });
  const data = query.data;
  const showingRecent = debounced === "" && value.trim() === "";
  const options: SearchOption[] = showingRecent
    ? (data?.recent ?? []).map((r) =>
        r.kind === "user" ? userOption(r.user) : tagOption(r.tag, r.postCount),
      )
    : [
        ...(data?.users ?? []).map(userOption),
        ...(data?.tags ?? []).map((t) => tagOption(t.tag, t.postCount)),
      ];

  /** Opens the option's page and remembers it among the recent searches (best effort). */
  const choose = useCallback(
    (option: SearchOption) => {
      router.push(option.href);
      const input =
        option.kind === "user"
          ? { kind: "user" as const, target: option.user.id }
          : { kind: "tag" as const, target: option.tag };
      void recordSearchAction(input)
        .then(() => queryClient.invalidateQueries({ queryKey: searchKey("") }))
        .catch(() => {});
    },
    [router, queryClient],
  );

  const [clearError, setClearError] = useState<string | null>(null);
  const clearRecent = useCallback(async () => {
    setClearError(null);
    const result = toResult(await clearRecentSearchesAction().catch(() => undefined));
    if (!result.ok) {
      setClearError(result.message);
      return;
    }
    queryClient.setQueryData<SearchResponse>(searchKey(""), { users: [], tags: [], recent: [] });
  }, [queryClient]);

  return {
    value,
    setValue,
    options,
    showingRecent,
    /** results for the current text are on their way */
    loading: typing || query.isFetching,
    failed: query.isError,
    clearRecent,
    clearError,
    choose,
  };
}
