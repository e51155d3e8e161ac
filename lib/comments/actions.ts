"use server";

import { after } from "next/server";
import { getDb } from "@/lib/db";
import { publishNotifiedAfterResponse } from "@/lib/notifications/publish";
import { hitSocialLimit } from "@/lib/rate-limit/social";
import { getPublisher, publishCommentAdded, publishCommentDeleted } from "@/lib/realtime";
import { fail } from "@/lib/result";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { getStorage } from "@/lib/storage";
import { addComment, deleteComment } from "./service";
import { addCommentSchema, deleteCommentSchema } from "./validation";

// The comment author is always the signed-in user (ctx), never a field of the input.

/** Adds a comment; answers it as lists show it, with the post's fresh comment count. */
export const addCommentAction = authActionClient
  .inputSchema(addCommentSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const limited = await hitSocialLimit("comment", ctx.user.id);
    if (limited) return fail("RATE_LIMITED", limited);
    const { result, notified } = await addComment(getDb(), getStorage(), ctx.user.id, parsedInput);
    publishNotifiedAfterResponse(notified);
    if (result.ok) {
      const { comment, commentCount } = result.data;
      after(() =>
        publishCommentAdded(getPublisher(), { postId: comment.postId, commentCount, comment }),
      );
    }
    return result;
  });

/** Its author or the post's author deletes a comment; answers the fresh comment count. */
export const deleteCommentAction = authActionClient
  .inputSchema(deleteCommentSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const result = await deleteComment(getDb(), ctx.user.id, parsedInput);
    if (result.ok) {
      const { postId, commentCount } = result.data;
      const { commentId } = parsedInput;
      after(() => publishCommentDeleted(getPublisher(), { postId, commentId, commentCount }));
    }
    return result;
  });
