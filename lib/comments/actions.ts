"use server";

import { after } from "next/server";
import { unverifiedRefusal } from "@/lib/auth/server-verification";
import { getDb } from "@/lib/db";
import { socialAction } from "@/lib/notifications/social-action";
import {
  getPublisher,
  publishCommentAdded,
  publishCommentDeleted,
  publishReplyAdded,
  publishReplyDeleted,
} from "@/lib/realtime";
import { ok } from "@/lib/result";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { getStorage } from "@/lib/storage";
import { addComment, deleteComment } from "./service";
import { addCommentSchema, deleteCommentSchema } from "./validation";

// The comment author is always the signed-in user (ctx), never a field of the input.

/**
 * Adds a comment, or with `replyToId` a reply; answers it as lists show it, with the post's fresh
 * comment count (and for a reply its top comment's reply count). An account whose e-mail is not
 * verified yet may comment a handful of times an hour (lib/auth/unverified.ts). Live events carry
 * only ids: open pages fetch the comment with their own session.
 */
export const addCommentAction = socialAction(
  "comment",
  addCommentSchema,
  async (db, userId, input) =>
    (await unverifiedRefusal("comment", userId)) ?? addComment(db, getStorage(), userId, input),
  // A comment awaiting approval (restricted commenter) never goes on the post's public channel.
  async ({ comment, commentCount, replyCount }) => {
    if (comment.awaitingApproval) return;
    const { postId, parentId, id: commentId } = comment;
    if (parentId && replyCount !== undefined) {
      const event = { postId, parentId, commentId, commentCount, replyCount };
      await publishReplyAdded(getPublisher(), event);
      return;
    }
    await publishCommentAdded(getPublisher(), { postId, commentId, commentCount });
  },
);

/** Its author or the post's author deletes a comment; answers the fresh comment count. */
export const deleteCommentAction = authActionClient
  .inputSchema(deleteCommentSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const result = await deleteComment(getDb(), ctx.user.id, parsedInput);
    if (!result.ok) return result;
    const { postId, commentCount, commentsOff, awaitingApproval, parentId, replyCount } =
      result.data;
    const { commentId } = parsedInput;
    // While comments are off the count is hidden: it does not go on the public channel either; a
    // comment awaiting approval was never there.
    if (!commentsOff && !awaitingApproval) {
      const publisher = getPublisher();
      after(() =>
        parentId && replyCount !== undefined
          ? publishReplyDeleted(publisher, {
              postId,
              parentId,
              commentId,
              commentCount,
              replyCount,
            })
          : publishCommentDeleted(publisher, { postId, commentId, commentCount }),
      );
    }
    return ok({
      postId,
      commentCount: commentsOff ? 0 : commentCount,
      ...(parentId ? { parentId, replyCount } : {}),
    });
  });
