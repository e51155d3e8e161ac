import "server-only";
import type { Db } from "@/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import { COMMENTS_OFF_MESSAGE } from "@/lib/shared/post-controls";
import type { CommentView } from "@/lib/shared/post-views";
import type { Storage } from "@/lib/storage/types";
import {
  approvePendingComment,
  findCommentAuthor,
  findShownComment,
  shiftCommentCount,
  toCommentView,
} from "./queries";
import { lockThread, shiftReplyCount } from "./queries-replies";
import { deleteRestrict, insertRestrict } from "./queries-restrict";
import { type ApproveCommentInput, COMMENT_NOT_FOUND, type SetRestrictInput } from "./validation";

// Restrict, Instagram's quiet block: the restricted account's new comments on the owner's posts
// are written awaiting approval (addComment), seen only by their author and the owner, not
// counted and not notified, until the owner approves them here. The restricted account is never
// told. (Instagram also hides the owner's online and read status from them: this app has neither
// presence nor direct messages.)

export const CANT_RESTRICT_SELF = "You can't restrict yourself.";

/** The owner restricts (or unrestricts) an active account; idempotent. */
export async function setRestrict(
  db: Db,
  ownerId: string,
  input: SetRestrictInput,
  now = new Date(),
): Promise<Result<{ restricted: boolean }>> {
  const { userId, restricted } = input;
  if (userId === ownerId) {
    return fail("VALIDATION", CANT_RESTRICT_SELF, { userId: [CANT_RESTRICT_SELF] });
  }
  return db.transaction(async (tx) => {
    if (restricted) {
      if (!(await findCommentAuthor(tx, userId))) return fail("NOT_FOUND", USER_NOT_FOUND);
      await insertRestrict(tx, ownerId, userId, now);
    } else {
      // Unrestricting a missing or suspended account is harmless: nothing is left to undo.
      await deleteRestrict(tx, ownerId, userId);
    }
    return ok({ restricted });
  });
}

/**
 * The post's author approves a comment awaiting approval: everyone sees it from now on and
 * comment_count + 1, in one transaction. Anyone else gets FORBIDDEN; a comment that is not
 * awaiting approval (gone, or approved already) NOT_FOUND. Answers the comment as lists show it
 * and the fresh count, for the live event.
 */
export async function approveComment(
  db: Db,
  storage: Pick<Storage, "publicUrl">,
  userId: string,
  input: ApproveCommentInput,
): Promise<Result<{ comment: CommentView; commentCount: number; replyCount?: number }>> {
  return db.transaction(async (tx) => {
    const found = await findShownComment(tx, input.commentId);
    if (!found) return fail("NOT_FOUND", COMMENT_NOT_FOUND);
    if (found.postAuthorId !== userId) {
      return fail("FORBIDDEN", "Only the post's author can approve its comments.");
    }
    if (!found.pendingApproval) return fail("NOT_FOUND", NOT_AWAITING);
    if (found.commentsOff) return fail("FORBIDDEN", COMMENTS_OFF_MESSAGE);
    // A reply: its top comment locked first (the thread's lock order), and still there.
    const { parentId } = found;
    if (parentId && (await lockThread(tx, { id: parentId, parentId: null })) === null) {
      return fail("NOT_FOUND", COMMENT_NOT_FOUND);
    }
    const row = await approvePendingComment(tx, input.commentId);
    const author = row && (await findCommentAuthor(tx, row.authorId));
    if (!row || !author) return fail("NOT_FOUND", NOT_AWAITING);
    const commentCount = await shiftCommentCount(tx, row.postId, 1);
    // An approved reply now counts under its top comment too.
    const replyCount = parentId ? ((await shiftReplyCount(tx, parentId, 1)) ?? 0) : undefined;
    const comment = toCommentView(
      storage,
      { ...row, ...author, authorId: author.id, id: row.id, postAuthorId: userId },
      userId,
    );
    return ok(
      replyCount === undefined ? { comment, commentCount } : { comment, commentCount, replyCount },
    );
  });
}

const NOT_AWAITING = "This comment isn't awaiting approval.";
