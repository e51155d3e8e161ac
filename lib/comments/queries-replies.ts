import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { comments, posts, users } from "@/db/schema";
import { toPage } from "@/lib/pagination/cursor";
import { newerThan } from "@/lib/pagination/keyset";
import { pageParams } from "@/lib/pagination/page-params";
import { notBlockedBetween, notMutedComments } from "@/lib/shared/blocks";
import type { CommentView, Page } from "@/lib/shared/post-views";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import {
  listedTo,
  postAuthor,
  selectCommentViews,
  shiftCommentCount,
  shown,
  toCommentView,
} from "./queries";

// The SQL of replies (one level under a top comment) and of the counts they drive:
// comments.reply_count (shown, approved replies of a top comment) and posts.comment_count, which
// counts replies too (as Instagram's does).

export const REPLIES_PAGE_SIZE = 10;

const parent = alias(comments, "parent");

/**
 * A comment `viewerId` may reply to or heart: shown, listed to them (one awaiting approval only
 * to its author and the post's author), its author not blocked either way with the viewer; for
 * a reply, its top comment shown too. Null otherwise. The post's own visibility (private
 * accounts, the post's author's blocks) is findVisiblePost's.
 */
export async function findCommentFor(db: Executor, commentId: string, viewerId: string) {
  const [row] = await db
    .select({
      id: comments.id,
      postId: comments.postId,
      authorId: comments.authorId,
      parentId: comments.parentId,
      pendingApproval: comments.pendingApproval,
      postAuthorId: posts.authorId,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(posts, eq(posts.id, comments.postId))
    .innerJoin(postAuthor, eq(postAuthor.id, posts.authorId))
    .leftJoin(parent, eq(parent.id, comments.parentId))
    .where(
      and(
        eq(comments.id, commentId),
        listedTo(viewerId),
        notBlockedBetween(viewerId, comments.authorId),
        sql`(${comments.parentId} is null or ${parent.status} = 'visible')`,
      ),
    );
  return row ?? null;
}

/**
 * reply_count + delta on a visible top comment, in place; the fresh count, or null when the top
 * comment is gone. The UPDATE locks the top comment's row, so a reply and a concurrent delete of
 * its top comment take turns: the reply sees it gone, or the delete counts the reply.
 */
export async function shiftReplyCount(tx: Executor, parentId: string, delta: 1 | -1) {
  const [row] = await tx
    .update(comments)
    .set({
      replyCount:
        delta > 0 ? sql`${comments.replyCount} + 1` : sql`greatest(${comments.replyCount} - 1, 0)`,
    })
    .where(and(eq(comments.id, parentId), eq(comments.status, "visible")))
    .returning({ replyCount: comments.replyCount });
  return row ? row.replyCount : null;
}

/**
 * Before a comment leaves (deleted or removed by a moderator): locks its thread's top comment
 * (FOR UPDATE; the comment itself for a top comment), always before the reply's own row, so a
 * reply and its top comment going at once take turns instead of deadlocking. Answers the top
 * comment's shown, approved replies (0 for a reply), read after the lock so none is missed; null
 * when the top comment is gone.
 */
export async function lockThread(
  tx: Executor,
  comment: { id: string; parentId: string | null },
): Promise<number | null> {
  const top = comment.parentId ?? comment.id;
  const locked = await tx
    .select({ id: comments.id })
    .from(comments)
    .where(eq(comments.id, top))
    .for("update");
  if (locked.length === 0) return null;
  if (comment.parentId) return 0;
  const commentId = comment.id;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(comments)
    .where(
      and(
        eq(comments.parentId, commentId),
        eq(comments.status, "visible"),
        eq(comments.pendingApproval, false),
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * A comment left the public lists (deleted, or removed by a moderator): takes it, and for a top
 * comment its shown replies, out of posts.comment_count, and a reply out of its top comment's
 * reply_count. `replies` is what lockAndCountReplies answered before. Answers the fresh counts.
 */
export async function uncountComment(
  tx: Executor,
  gone: { postId: string; parentId: string | null; pendingApproval: boolean },
  replies: number,
) {
  // One awaiting approval was never counted (its replies, approved or not, were).
  const own = gone.pendingApproval ? 0 : 1;
  const commentCount =
    own + replies > 0
      ? await shiftCommentCount(tx, gone.postId, -(own + replies))
      : await readCount(tx, gone.postId);
  const replyCount = gone.parentId && own ? await shiftReplyCount(tx, gone.parentId, -1) : null;
  return { commentCount, replyCount };
}

async function readCount(tx: Executor, postId: string) {
  const [row] = await tx.select({ n: posts.commentCount }).from(posts).where(eq(posts.id, postId));
  return row?.n ?? 0;
}

/**
 * The replies of a top comment, oldest first (as Instagram lists them), keyset (created_at, id)
 * with limit + 1 rows, with the same rules as comments: none while comments are off, one awaiting
 * approval only for its author and the post's author, none across a block or from a muted
 * account, and none once the top comment is gone. Null when the cursor is malformed.
 */
export async function listReplies(
  db: Executor,
  params: { commentId: string; viewerId: string | null; cursor?: string | null; limit?: number },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Page<CommentView> | null> {
  const page = pageParams(params, { fallback: REPLIES_PAGE_SIZE, max: 60 });
  if (!page) return null;
  const { limit, after } = page;
  const { viewerId } = params;
  const rows = await selectCommentViews(db, viewerId)
    .innerJoin(parent, eq(parent.id, comments.parentId))
    .where(
      and(
        eq(comments.parentId, params.commentId),
        eq(parent.status, "visible"),
        isNull(parent.parentId),
        shown,
        listedTo(viewerId),
        notBlockedBetween(viewerId, comments.authorId),
        notMutedComments(viewerId, comments.authorId),
        after ? newerThan(comments.createdAt, comments.id, after) : undefined,
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => ({ createdAt: r.createdAt, id: r.id }),
    (r) => toCommentView(storage, r, viewerId),
  );
}

/** A comment's place in its thread (its top comment, if a reply); null when it is gone. */
export async function threadOf(db: Executor, commentId: string) {
  const [row] = await db
    .select({ id: comments.id, parentId: comments.parentId })
    .from(comments)
    .where(eq(comments.id, commentId));
  return row ?? null;
}

/** The post a comment belongs to (for the replies route's visibility check); null when none. */
export async function postOfComment(db: Executor, commentId: string) {
  const [row] = await db
    .select({ postId: comments.postId })
    .from(comments)
    .where(eq(comments.id, commentId));
  return row?.postId ?? null;
}
