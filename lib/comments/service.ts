import "server-only";
import { uuidv7 } from "uuidv7";
import type { Db } from "@/db/client";
import { commentMentionIds, notifyComment, notifyMentions } from "@/lib/notifications/service";
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
import { isRestrictedBy, readCommentCount } from "./queries-restrict";
import { type AddCommentInput, COMMENT_NOT_FOUND, type DeleteCommentInput } from "./validation";

type AddResult = Result<{ comment: CommentView; commentCount: number }>;

/**
 * Adds a comment to a visible post whose author has not turned comments off (FORBIDDEN, with
 * COMMENTS_OFF_MESSAGE, otherwise): the comment, its @mentions of active accounts,
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
  const { postId, body } = input;
  return db.transaction(async (tx) => {
    const post = await findVisiblePostForWrite(tx, postId, userId);
    if (!post) return { result: fail("NOT_FOUND", POST_NOT_FOUND), notified: [] };
    if (post.commentsOff) return { result: fail("FORBIDDEN", COMMENTS_OFF_MESSAGE), notified: [] };
    const author = await findCommentAuthor(tx, userId);
    if (!author) return { result: fail("UNAUTHENTICATED", "Sign in to continue."), notified: [] };
    // The post's author restricted the commenter: the comment waits for their approval.
    const pendingApproval =
      post.authorId !== userId && (await isRestrictedBy(tx, post.authorId, userId));
    const row = await insertComment(tx, {
      id: uuidv7(),
      postId,
      authorId: userId,
      body,
      createdAt: now,
      pendingApproval,
    });
    await insertCommentMentions(tx, row.id, userId, body);
    const view = (commentCount: number) => ({
      comment: toCommentView(
        storage,
        { ...row, ...author, authorId: author.id, id: row.id, postAuthorId: post.authorId },
        userId,
      ),
      commentCount,
    });
    // Nobody is told and nothing is counted until approved (lib/comments/service-restrict.ts).
    if (pendingApproval)
      return { result: ok(view(await readCommentCount(tx, postId))), notified: [] };
    const about = { actorId: userId, postId, commentId: row.id, now };
    const notified = await notifyComment(tx, { ...about, postAuthorId: post.authorId });
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
 * FORBIDDEN and nothing changes. comment_count - 1 in the same transaction. Allowed while
 * comments are off (the hidden comment may still go); `commentsOff` says so, for the action.
 */
export async function deleteComment(
  db: Db,
  userId: string,
  input: DeleteCommentInput,
): Promise<
  Result<{ commentCount: number; postId: string; commentsOff: boolean; awaitingApproval: boolean }>
> {
  const { commentId } = input;
  return db.transaction(async (tx) => {
    const comment = await findShownComment(tx, commentId);
    if (!comment) return fail("NOT_FOUND", COMMENT_NOT_FOUND);
    if (comment.authorId !== userId && comment.postAuthorId !== userId) {
      return fail("FORBIDDEN", "You can only delete your own comments or comments on your posts.");
    }
    // A concurrent delete (or a moderator's removal) may have won: then the count stays put.
    const deleted = await deleteVisibleComment(tx, commentId);
    if (!deleted) return fail("NOT_FOUND", COMMENT_NOT_FOUND);
    // One awaiting approval was never counted (nor seen by others).
    const { pendingApproval: awaitingApproval } = deleted;
    const commentCount = awaitingApproval
      ? await readCommentCount(tx, comment.postId)
      : await shiftCommentCount(tx, comment.postId, -1);
    const { postId, commentsOff } = comment;
    return ok({ commentCount, postId, commentsOff, awaitingApproval });
  });
}
