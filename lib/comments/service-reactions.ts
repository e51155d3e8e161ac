import "server-only";
import type { Db } from "@/db/client";
import { notifyCommentLike, unnotifyCommentLike } from "@/lib/notifications/service";
import type { WithNotified } from "@/lib/notifications/types";
import { findVisiblePost } from "@/lib/posts/visibility";
import { fail, ok, type Result } from "@/lib/result";
import { MAX_PINNED } from "./limits";
import { findShownComment } from "./queries";
import {
  deleteCommentLike,
  insertCommentLike,
  lockAndCountPins,
  setPinnedAt,
  shiftCommentLikeCount,
} from "./queries-reactions";
import { findCommentFor } from "./queries-replies";
import { COMMENT_NOT_FOUND, type SetCommentLikeInput, type SetCommentPinInput } from "./validation";

// Hearts on comments and the post author's pins.

export const PIN_LIMIT_MESSAGE = `You can pin up to ${MAX_PINNED} comments. Unpin one first.`;
export const PIN_AUTHOR_ONLY = "Only the post's author can pin its comments.";

type LikeResult = Result<{ commentId: string; postId: string; liked: boolean; likeCount: number }>;

/**
 * Hearts (or un-hearts) a comment the liker sees: not across a block with the comment's author
 * or the post's author, not on a private account's post they may not see, not on one awaiting
 * approval (NOT_FOUND for all of these). Idempotent: the like row, like_count and the
 * "liked your comment" notification to the comment's author move together, once, in one
 * transaction. Answers the fresh count and the notifications to publish after commit.
 */
export async function setCommentLike(
  db: Db,
  userId: string,
  input: SetCommentLikeInput,
  now = new Date(),
): Promise<WithNotified<LikeResult>> {
  const { commentId, liked } = input;
  return db.transaction(async (tx) => {
    const comment = await findCommentFor(tx, commentId, userId);
    const post = comment && (await findVisiblePost(tx, comment.postId, userId));
    if (!comment || !post || comment.pendingApproval) {
      return { result: fail("NOT_FOUND", COMMENT_NOT_FOUND), notified: [] };
    }
    const about = { actorId: userId, commentAuthorId: comment.authorId, commentId };
    const { postId } = comment;
    if (liked) {
      const added = await insertCommentLike(tx, commentId, userId, now);
      const likeCount = await shiftCommentLikeCount(tx, commentId, added ? 1 : 0);
      const notified = added ? await notifyCommentLike(tx, { ...about, postId, now }) : [];
      return { result: ok({ commentId, postId, liked, likeCount }), notified };
    }
    const removed = await deleteCommentLike(tx, commentId, userId);
    const likeCount = await shiftCommentLikeCount(tx, commentId, removed ? -1 : 0);
    const unnotified = removed ? await unnotifyCommentLike(tx, about) : [];
    return { result: ok({ commentId, postId, liked, likeCount }), notified: [], unnotified };
  });
}

/**
 * The post's author pins (or unpins) one of its shown, approved top comments; a reply cannot be
 * pinned. At most MAX_PINNED per post: one more is refused (CONFLICT, PIN_LIMIT_MESSAGE), checked
 * with the post's row locked so two pins at once cannot make four. Anyone else: FORBIDDEN.
 */
export async function setCommentPin(
  db: Db,
  userId: string,
  input: SetCommentPinInput,
  now = new Date(),
): Promise<Result<{ commentId: string; postId: string; pinned: boolean }>> {
  const { commentId, pinned } = input;
  return db.transaction(async (tx) => {
    const comment = await findShownComment(tx, commentId);
    if (!comment) return fail("NOT_FOUND", COMMENT_NOT_FOUND);
    if (comment.postAuthorId !== userId) return fail("FORBIDDEN", PIN_AUTHOR_ONLY);
    const { postId } = comment;
    if (pinned) {
      if (comment.parentId) {
        const message = "Only comments can be pinned, not replies.";
        return fail("VALIDATION", message, { commentId: [message] });
      }
      if (comment.pendingApproval) return fail("FORBIDDEN", "Approve this comment to pin it.");
      if (comment.pinnedAt) return ok({ commentId, postId, pinned });
      if ((await lockAndCountPins(tx, postId)) >= MAX_PINNED) {
        return fail("CONFLICT", PIN_LIMIT_MESSAGE);
      }
    }
    await setPinnedAt(tx, commentId, pinned ? now : null);
    return ok({ commentId, postId, pinned });
  });
}
