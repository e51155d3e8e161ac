import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { commentLikes, comments, posts } from "@/db/schema";

// The SQL of hearts on comments (comment_likes, comments.like_count) and of pins
// (comments.pinned_at, at most MAX_PINNED per post).

/** True only when a heart was really added (a repeated like changes nothing). */
export async function insertCommentLike(
  tx: Executor,
  commentId: string,
  userId: string,
  now: Date,
) {
  const rows = await tx
    .insert(commentLikes)
    .values({ commentId, userId, createdAt: now })
    .onConflictDoNothing()
    .returning({ userId: commentLikes.userId });
  return rows.length > 0;
}

/** True only when a heart was really taken back. */
export async function deleteCommentLike(tx: Executor, commentId: string, userId: string) {
  const rows = await tx
    .delete(commentLikes)
    .where(and(eq(commentLikes.commentId, commentId), eq(commentLikes.userId, userId)))
    .returning({ userId: commentLikes.userId });
  return rows.length > 0;
}

/** like_count + delta in place (safe under concurrent writers), or as it is (0); the fresh count. */
export async function shiftCommentLikeCount(tx: Executor, commentId: string, delta: -1 | 0 | 1) {
  const [row] = await tx
    .update(comments)
    .set({
      likeCount:
        delta === 0
          ? comments.likeCount
          : delta > 0
            ? sql`${comments.likeCount} + 1`
            : sql`greatest(${comments.likeCount} - 1, 0)`,
    })
    .where(eq(comments.id, commentId))
    .returning({ likeCount: comments.likeCount });
  return row?.likeCount ?? 0;
}

/**
 * Locks the post's row (FOR UPDATE) so two pins of one post take turns, and answers how many of
 * its visible comments are pinned: the limit holds under concurrency.
 */
export async function lockAndCountPins(tx: Executor, postId: string) {
  await tx.select({ id: posts.id }).from(posts).where(eq(posts.id, postId)).for("update");
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(comments)
    .where(
      and(
        eq(comments.postId, postId),
        eq(comments.status, "visible"),
        isNotNull(comments.pinnedAt),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Pins (a time) or unpins (null) a comment. */
export async function setPinnedAt(tx: Executor, commentId: string, pinnedAt: Date | null) {
  await tx.update(comments).set({ pinnedAt }).where(eq(comments.id, commentId));
}
