import type { ListData } from "@/components/query/list-query";
import type { CommentView } from "@/lib/shared/post-views";

/** A post's cached comments (newest first), under listKeys.comments(postId). */
export type CommentsData = ListData<CommentView>;

/** Optimistic comments carry this id prefix until the server answers with the real one. */
const PENDING = "pending:";
export const pendingCommentId = () => `${PENDING}${crypto.randomUUID()}`;
export const isPendingComment = (comment: Pick<CommentView, "id">) =>
  comment.id.startsWith(PENDING);

/** The newest comment goes on top of the first page. */
export function prependComment(data: CommentsData, comment: CommentView): CommentsData {
  const [first, ...rest] = data.pages;
  if (!first) return { pages: [{ items: [comment], nextCursor: null }], pageParams: [null] };
  return { ...data, pages: [{ ...first, items: [comment, ...first.items] }, ...rest] };
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
