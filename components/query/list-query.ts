import type { InfiniteData } from "@tanstack/react-query";
import type { Page } from "@/lib/shared/post-views";

// One description per paged list, shared by the server page that prefetches its first page and
// the client component that reads (and live hooks that update) the same TanStack Query cache.

/** A paged list: its TanStack Query key and the JSON route answering Page<T> for ?cursor=. */
export type ListSource = { queryKey: readonly unknown[]; endpoint: string };

/** The cached pages of a list, as useInfiniteQuery keeps them. */
export type ListData<T> = InfiniteData<Page<T>, string | null>;

/** Query keys of the paged lists (also written by live updates, forms and menus). */
export const listKeys = {
  /** The viewer's home feed (one per account, should a tab switch). */
  feed: (viewerId: string) => ["feed", viewerId] as const,
  /** A post's comments, newest first. */
  comments: (postId: string) => ["comments", postId] as const,
  /** A top comment's replies, oldest first (fetched once "View replies" is opened). */
  replies: (commentId: string) => ["replies", commentId] as const,
  /** The notifications page's list (the badge's count sits next to it). */
  notifications: ["notifications", "list"] as const,
  /** A profile's grid (usernames are case-insensitive). */
  profileGrid: (username: string) => ["profile-grid", username.toLowerCase()] as const,
  /** The owner's saved posts; under profileGrid, so removing a profile's grids drops it too. */
  savedGrid: (username: string) => ["profile-grid", username.toLowerCase(), "saved"] as const,
  explore: ["explore"] as const,
  tag: (tag: string, part: "top" | "recent") => ["tag", tag, part] as const,
  /** A people list (followers, following, likers), by its endpoint. */
  people: (endpoint: string) => ["people", endpoint] as const,
};

/** The lists, each with where the browser fetches its later pages. */
export const lists = {
  feed: (viewerId: string): ListSource => ({
    queryKey: listKeys.feed(viewerId),
    endpoint: "/api/feed",
  }),
  comments: (postId: string): ListSource => ({
    queryKey: listKeys.comments(postId),
    endpoint: `/api/posts/${encodeURIComponent(postId)}/comments`,
  }),
  replies: (commentId: string): ListSource => ({
    queryKey: listKeys.replies(commentId),
    endpoint: `/api/comments/${encodeURIComponent(commentId)}/replies`,
  }),
  notifications: (): ListSource => ({
    queryKey: listKeys.notifications,
    endpoint: "/api/notifications",
  }),
  profileGrid: (username: string, source: "posts" | "saved"): ListSource => ({
    queryKey: source === "saved" ? listKeys.savedGrid(username) : listKeys.profileGrid(username),
    endpoint: `/api/users/${encodeURIComponent(username)}/${source}`,
  }),
  explore: (): ListSource => ({ queryKey: listKeys.explore, endpoint: "/api/explore" }),
  tag: (tag: string, part: "top" | "recent"): ListSource => ({
    queryKey: listKeys.tag(tag, part),
    endpoint: `/api/explore/tags/${encodeURIComponent(tag)}`,
  }),
};

/** Paging options every list shares: the first page has no cursor, the next one the last's. */
export const pagingOptions = {
  initialPageParam: null as string | null,
  getNextPageParam: <T>(last: Page<T>) => last.nextCursor,
};

export const emptyPage = <T>(): Page<T> => ({ items: [], nextCursor: null });

/** An HTTP answer other than 2xx from a list's route (its status decides what the list shows). */
export class ListFetchError extends Error {
  constructor(readonly status: number) {
    super(`Couldn't load the list (${status}).`);
    this.name = "ListFetchError";
  }
}

/** One page of a list from its JSON route, in the browser. */
export async function fetchListPage<T>(
  endpoint: string,
  cursor: string | null,
  signal: AbortSignal,
): Promise<Page<T>> {
  const url = cursor ? `${endpoint}?cursor=${encodeURIComponent(cursor)}` : endpoint;
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!res.ok) throw new ListFetchError(res.status);
  return (await res.json()) as Page<T>;
}

/** Items of all pages in order, each once (an item may move between pages as new ones arrive). */
export function distinctItems<T extends { id: string }>(pages: Page<T>[] | undefined): T[] {
  const seen = new Set<string>();
  return (pages ?? [])
    .flatMap((p) => p.items)
    .filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
}
