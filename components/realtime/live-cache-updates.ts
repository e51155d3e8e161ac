// Pure cache updates for live post events: each takes cached data and answers the data to cache
// (the same object when nothing changed, so unrelated queries do not re-render). No React, no
// QueryClient: use-live-post-cache.ts applies them to the cache, the unit tests call them directly.
import { type CommentsData, underPins } from "@/components/comments/comments-query";
import type { CommentView } from "@/lib/shared/post-views";

type Item = Record<string, unknown>;

/** The shape of any cached list of an infinite query: pages of items (feed, grids, comments). */
export type InfiniteList<T = Item> = { pages: { items: T[] }[]; pageParams: unknown[] };

const isRecord = (value: unknown): value is Item => typeof value === "object" && value !== null;
const isItemsPage = (value: unknown): value is { items: Item[] } =>
  isRecord(value) && Array.isArray(value.items) && value.items.every(isRecord);

/** Whether cached data is an infinite query's pages of items. */
export function isInfiniteList(value: unknown): value is InfiniteList {
  return isRecord(value) && Array.isArray(value.pages) && value.pages.every(isItemsPage);
}

/** Whether cached data is one page of items (a plain query of a list). */
export function isItemsList(value: unknown): value is { items: Item[] } {
  return isItemsPage(value);
}

/** Maps every item (null drops it); the same data object when no item changed. */
function mapItems<D extends InfiniteList<Item>>(data: D, fn: (item: Item) => Item | null): D {
  let changed = false;
  const pages = data.pages.map((page) => {
    let pageChanged = false;
    const items: Item[] = [];
    for (const item of page.items) {
      const next = fn(item);
      if (next !== item) pageChanged = true;
      if (next) items.push(next);
    }
    if (!pageChanged) return page;
    changed = true;
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

/**
 * like.count: the post's likeCount, wherever a list holds it. Viewer state is never touched. The
 * event does not say who liked or unliked, so a feed card's latestLiker ("Liked by X") is no
 * longer known to be true: it goes (the card says "N likes") until the feed is fetched again.
 */
export function applyLikeCount<D extends InfiniteList<Item>>(
  data: D,
  postId: string,
  likeCount: number,
): D {
  return mapItems(data, (item) => {
    if (item.id !== postId || typeof item.likeCount !== "number" || item.likeCount === likeCount) {
      return item;
    }
    return item.latestLiker ? { ...item, likeCount, latestLiker: null } : { ...item, likeCount };
  });
}

/** post.removed: the post leaves every list (feed, profile grids, saved posts). */
export function applyPostRemoved<D extends InfiniteList<Item>>(data: D, postId: string): D {
  return mapItems(data, (item) => (item.id === postId ? null : item));
}

/** The newest two comments of a feed card (oldest of the two first), with `comment` added. */
export function withLatestComment(latest: CommentView[], comment: CommentView): CommentView[] {
  if (latest.some((c) => c.id === comment.id)) return latest;
  return [...latest, comment].slice(-2);
}

/**
 * comment.added / comment.deleted on lists of posts: the exact commentCount, and the feed card's
 * latestComments (only on items that have them).
 */
export function applyPostComments<D extends InfiniteList<Item>>(
  data: D,
  postId: string,
  change: { commentCount?: number; added?: CommentView; deletedId?: string },
): D {
  return mapItems(data, (item) => {
    if (item.id !== postId) return item;
    let next = item;
    if (
      change.commentCount !== undefined &&
      typeof item.commentCount === "number" &&
      item.commentCount !== change.commentCount
    ) {
      next = { ...next, commentCount: change.commentCount };
    }
    if (Array.isArray(item.latestComments)) {
      const latest = item.latestComments as CommentView[];
      let updated = latest;
      if (change.added) updated = withLatestComment(updated, change.added);
      if (change.deletedId) updated = updated.filter((c) => c.id !== change.deletedId);
      if (updated.length !== latest.length || updated.some((c, i) => c !== latest[i])) {
        next = { ...next, latestComments: updated };
      }
    }
    return next;
  });
}

const isPending = (c: CommentView) => c.id.startsWith("pending:");

/**
 * comment.added on a post's comment list (newest first): on top of the first page, once. The
 * viewer's own comment may already be there, returned by the action (same id), or still posting
 * (a pending id, same author and text): then it is confirmed in place rather than added again.
 */
export function applyCommentAdded(data: CommentsData, comment: CommentView): CommentsData {
  const all = data.pages.flatMap((p) => p.items);
  if (all.some((c) => c.id === comment.id)) return data;
  const pending = all.find(
    (c) =>
      isPending(c) &&
      c.author.id !== "" &&
      c.author.id === comment.author.id &&
      c.body === comment.body,
  );
  if (pending) {
    return {
      ...data,
      pages: data.pages.map((p) =>
        p.items.includes(pending)
          ? { ...p, items: p.items.map((c) => (c === pending ? comment : c)) }
          : p,
      ),
    };
  }
  const [first, ...rest] = data.pages;
  if (!first) return { pages: [{ items: [comment], nextCursor: null }], pageParams: [null] };
  return { ...data, pages: [{ ...first, items: underPins(first.items, comment) }, ...rest] };
}

/** comment.deleted on a post's comment list. */
export function applyCommentDeleted(data: CommentsData, commentId: string): CommentsData {
  if (!data.pages.some((p) => p.items.some((c) => c.id === commentId))) return data;
  return {
    ...data,
    pages: data.pages.map((p) =>
      p.items.some((c) => c.id === commentId)
        ? { ...p, items: p.items.filter((c) => c.id !== commentId) }
        : p,
    ),
  };
}
