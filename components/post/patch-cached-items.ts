import type { QueryClient } from "@tanstack/react-query";

type Item = Record<string, unknown>;
type PageLike = { items: Item[] };
type InfiniteLike = { pages: PageLike[]; pageParams: unknown[] };

const isRecord = (value: unknown): value is Item => typeof value === "object" && value !== null;
const isPage = (value: unknown): value is PageLike =>
  isRecord(value) && Array.isArray(value.items) && value.items.every(isRecord);
const isInfinite = (value: unknown): value is InfiniteLike =>
  isRecord(value) && Array.isArray(value.pages) && value.pages.every(isPage);

/** The item with its fields replaced by `updates`, only those it already has; same object if none. */
function patchItem(item: Item, updates: Item): Item {
  let next: Item | null = null;
  for (const [key, value] of Object.entries(updates)) {
    if (key in item && item[key] !== value) {
      next ??= { ...item };
      next[key] = value;
    }
  }
  return next ?? item;
}

function patchPage(page: PageLike, id: string, update: (item: Item) => Item): PageLike {
  let changed = false;
  const items = page.items.map((item) => {
    if (item.id !== id) return item;
    const next = patchItem(item, update(item));
    if (next !== item) changed = true;
    return next;
  });
  return changed ? { ...page, items } : page;
}

/**
 * Writes a change to one post or person (by id) into every cached list that shows it: the feed's
 * infinite query, profile grids, people lists... Only fields the cached item already has are
 * set, so `{ likeCount }` updates a grid thumbnail and `{ viewerHasLiked }` only feed posts.
 * `update` receives the cached item, for changes relative to it (a count + 1).
 */
export function patchCachedItems(
  queryClient: QueryClient,
  id: string,
  update: Item | ((item: Item) => Item),
): void {
  const fn = typeof update === "function" ? update : () => update;
  for (const query of queryClient.getQueryCache().getAll()) {
    const data: unknown = query.state.data;
    if (isInfinite(data)) {
      let changed = false;
      const pages = data.pages.map((page) => {
        const next = patchPage(page, id, fn);
        if (next !== page) changed = true;
        return next;
      });
      if (changed) queryClient.setQueryData(query.queryKey, { ...data, pages });
    } else if (isPage(data)) {
      const next = patchPage(data, id, fn);
      if (next !== data) queryClient.setQueryData(query.queryKey, next);
    }
  }
}
