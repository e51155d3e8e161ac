import type { ListData } from "@/components/query/list-query";
import type { CommentView } from "@/lib/shared/post-views";

/** A post's cached comments (newest first), under listKeys.comments(postId). */
export type CommentsData = ListData<CommentView>;

/** Optimistic comments carry this id prefix until the server answers with the real one. */
const PENDING = "pending:";
export const pendingCommentId = () => `${PENDING}${crypto.randomUUID()}`;
export const isPendingComment = (comment: Pick<CommentView, "id">) =>
  comment.id.startsWith(PENDING);

/** The newest comment goes on top of the first page, under the pinned ones. */
export function prependComment(data: CommentsData, comment: CommentView): CommentsData {
  const [first, ...rest] = data.pages;
  if (!first) return { pages: [{ items: [comment], nextCursor: null }], pageParams: [null] };
  return { ...data, pages: [{ ...first, items: underPins(first.items, comment) }, ...rest] };
}

/** `comment` placed after the pinned comments that lead a first page. */
export function underPins(items: CommentView[], comment: CommentView): CommentView[] {
  const at = items.findIndex((c) => !c.pinned);
  const cut = at === -1 ? items.length : at;
  return [...items.slice(0, cut), comment, ...items.slice(cut)];
}

/**
 * The posted comment takes the place of its pending copy. It shows once whatever came first: if
 * a live event or a refetch already brought it (same id), the pending copy just goes; if a
 * refetch dropped the pending copy before the comment existed, it goes on top.
 */
export function replaceComment(data: CommentsData, id: string, comment: CommentView): CommentsData {
  const has = (wanted: string) => data.pages.some((p) => p.items.some((c) => c.id === wanted));
  if (has(comment.id)) return removeComment(data, id);
  if (!has(id)) return prependComment(data, comment);
  return {
    ...data,
    pages: data.pages.map((p) => ({
      ...p,
      items: p.items.map((c) => (c.id === id ? comment : c)),
    })),
  };
}

export function removeComment(data: CommentsData, id: string): CommentsData {
  return {
    ...data,
    pages: data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== id) })),
  };
}

/** Every comment (or reply) with `commentId` in the cached list gets `change`; same data if none. */
export function patchComment(
  data: CommentsData,
  commentId: string,
  change: (comment: CommentView) => Partial<CommentView>,
): CommentsData {
  if (!data.pages.some((p) => p.items.some((c) => c.id === commentId))) return data;
  return {
    ...data,
    pages: data.pages.map((p) =>
      p.items.some((c) => c.id === commentId)
        ? { ...p, items: p.items.map((c) => (c.id === commentId ? { ...c, ...change(c) } : c)) }
        : p,
    ),
  };
}

/**
 * A reply joins its (oldest first) replies list at the end, once, but only when the list is
 * complete (no later page to fetch: that page will bring it).
 */
export function appendReply(data: CommentsData, reply: CommentView): CommentsData {
  if (data.pages.some((p) => p.items.some((c) => c.id === reply.id))) return data;
  const last = data.pages.at(-1);
  if (!last) return { pages: [{ items: [reply], nextCursor: null }], pageParams: [null] };
  if (last.nextCursor) return data;
  return {
    ...data,
    pages: [...data.pages.slice(0, -1), { ...last, items: [...last.items, reply] }],
  };
}
