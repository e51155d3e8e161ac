import "server-only";
import { uuidv7 } from "uuidv7";
import type { Db } from "@/db/client";
import {
  commentMentionIds,
  notifyComment,
  notifyMentions,
  notifyReply,
} from "@/lib/notifications/service";
import type { WithNotified } from "@/lib/notifications/types";
import { findVisiblePostForWrite } from "@/lib/posts/visibility";
import { fail, ok, type Result } from "@/lib/result";
import { POST_NOT_FOUND } from "@/lib/shared/ids";
import { COMMENTS_OFF_MESSAGE } from "@/lib/shared/post-controls";
import type { CommentView } from "@/lib/shared/post-views";
import type { Storage } from "@/lib/storage/types";
import {
  deleteVisibleComment,
  findCommentAuthor,
  findShownComment,
  insertComment,
  insertCommentMentions,
  shiftCommentCount,
  toCommentView,
} from "./queries";
import { findCommentFor, lockThread, shiftReplyCount, uncountComment } from "./queries-replies";
import { isRestrictedBy, readCommentCount } from "./queries-restrict";
import {
  type AddCommentInput,
  COMMENT_NOT_FOUND,
  type DeleteCommentInput,
  REPLY_TARGET_NOT_FOUND,
} from "./validation";

/** `replyCount`: for a reply, its top comment's fresh count of replies. */
type AddResult = Result<{ comment: CommentView; commentCount: number; replyCount?: number }>;

/**
 * Adds a comment to a visible post whose author has not turned comments off (FORBIDDEN, with
 * COMMENTS_OFF_MESSAGE, otherwise). With `replyToId` it is a reply: under that comment, or under
 * its top comment when it is itself a reply (one level, as on Instagram); the comment replied to
 * must be one the replier sees (not across a block), else NOT_FOUND. A reply moves its top
 * comment's reply_count and notifies the author of the comment replied to ("reply") instead of
 * the post's author. Otherwise: the comment, its @mentions of active accounts,
 * comment_count + 1, a "commented" notification to the post's author and a "mentioned you" one to
 * each account the comment @mentions (the post's author, already told, and the commenter left out),
 * all in one transaction. Answers the comment as lists show it, the fresh count and the
 * notifications to publish after commit. A commenter the post's author restricted gets a comment
 * awaiting approval instead: no notification, no count, seen by them and the post's author only.
 */
export async function addComment(
  db: Db,
  storage: Pick<Storage, "publicUrl">,
  userId: string,
  input: AddCommentInput,
  now = new Date(),
): Promise<WithNotified<AddResult>> {
  const { postId, body, replyToId } = input;
  return db.transaction(async (tx) => {
    const post = await findVisiblePostForWrite(tx, postId, userId);
    if (!post) return { result: fail("NOT_FOUND", POST_NOT_FOUND), notified: [] };
    if (post.commentsOff) return { result: fail("FORBIDDEN", COMMENTS_OFF_MESSAGE), notified: [] };
    const author = await findCommentAuthor(tx, userId);
    if (!author) return { result: fail("UNAUTHENTICATED", "Sign in to continue."), notified: [] };
    const target = replyToId ? await findCommentFor(tx, replyToId, userId) : null;
    const missingTarget = fail("NOT_FOUND", REPLY_TARGET_NOT_FOUND, {
      replyToId: [REPLY_TARGET_NOT_FOUND],
    });
    if (replyToId && (!target || target.postId !== postId)) {
      return { result: missingTarget, notified: [] };
    }
    const parentId = target ? (target.parentId ?? target.id) : null;
    // The post's author restricted the commenter: the comment waits for their approval.
    const pendingApproval =
      post.authorId !== userId && (await isRestrictedBy(tx, post.authorId, userId));
    // The top comment's row is locked first (lockThread's order), so a concurrent delete of it
    // either counts this reply or makes it fail here, never leaves a reply under nothing.
    let replyCount: number | null = null;
    if (parentId) {
      replyCount = pendingApproval
        ? await lockThread(tx, { id: parentId, parentId: null })
        : await shiftReplyCount(tx, parentId, 1);
      if (replyCount === null) return { result: missingTarget, notified: [] };
    }
    const row = await insertComment(tx, {
      id: uuidv7(),
      postId,
      authorId: userId,
      body,
      createdAt: now,
      pendingApproval,
      parentId,
    });
    await insertCommentMentions(tx, row.id, userId, body);
    const view = (commentCount: number) => ({
      comment: toCommentView(
        storage,
        { ...row, ...author, authorId: author.id, id: row.id, postAuthorId: post.authorId },
        userId,
      ),
      commentCount,
      ...(replyCount !== null ? { replyCount } : {}),
    });
    // Nobody is told and nothing is counted until approved (lib/comments/service-restrict.ts).
    if (pendingApproval)
      return { result: ok(view(await readCommentCount(tx, postId))), notified: [] };
    const about = { actorId: userId, postId, commentId: row.id, now };
    const notified = target
      ? await notifyReply(tx, { ...about, repliedToAuthorId: target.authorId })
      : await notifyComment(tx, { ...about, postAuthorId: post.authorId });
    const mentioned = (await commentMentionIds(tx, row.id)).filter(
      (id) => !notified.some((n) => n.recipientId === id),
    );
    notified.push(...(await notifyMentions(tx, { ...about, userIds: mentioned })));
    const commentCount = await shiftCommentCount(tx, postId, 1);
    return { result: ok(view(commentCount)), notified };
  });
}

/**
 * Deletes a comment for good: allowed to its author and to the post's author, anyone else gets
 * FORBIDDEN and nothing changes. A top comment's replies go with it (ON DELETE CASCADE), and
 * comment_count drops by the comment and its counted replies; a reply's top comment's
 * reply_count drops by one; all in the same transaction. Allowed while comments are off (the
 * hidden comment may still go); `commentsOff` says so, for the action.
 */
export async function deleteComment(
  db: Db,
  userId: string,
  input: DeleteCommentInput,
): Promise<
  Result<{
    commentCount: number;
    postId: string;
    commentsOff: boolean;
    awaitingApproval: boolean;
    /** for a reply only: its top comment and that comment's fresh reply count */
    parentId?: string;
    replyCount?: number;
  }>
> {
  const { commentId } = input;
  return db.transaction(async (tx) => {
    const comment = await findShownComment(tx, commentId);
    if (!comment) return fail("NOT_FOUND", COMMENT_NOT_FOUND);
    if (comment.authorId !== userId && comment.postAuthorId !== userId) {
      return fail("FORBIDDEN", "You can only delete your own comments or comments on your posts.");
    }
    // A reply whose top comment went meanwhile went with it (null): NOT_FOUND below.
    const replies = (await lockThread(tx, comment)) ?? 0;
    // A concurrent delete (or a moderator's removal) may have won: then the count stays put.
    const deleted = await deleteVisibleComment(tx, commentId);
    if (!deleted) return fail("NOT_FOUND", COMMENT_NOT_FOUND);
    // One awaiting approval was never counted (nor seen by others).
    const { pendingApproval: awaitingApproval, parentId } = deleted;
    const { commentCount, replyCount } = await uncountComment(tx, deleted, replies);
    const { postId, commentsOff } = comment;
    const thread = parentId ? { parentId, replyCount: replyCount ?? 0 } : {};
    return ok({ commentCount, postId, commentsOff, awaitingApproval, ...thread });
  });
}
