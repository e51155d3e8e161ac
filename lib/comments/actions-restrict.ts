"use server";

import { after } from "next/server";
import { getDb } from "@/lib/db";
import { getPublisher, publishCommentAdded, publishReplyAdded } from "@/lib/realtime";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { getStorage } from "@/lib/storage";
import { approveComment, setRestrict } from "./service-restrict";
import { approveCommentSchema, setRestrictSchema } from "./validation";

// Restrict and approve: the acting owner is always the signed-in user (ctx), never an input field.

/** Restrict (restricted: true) or unrestrict an account; answers the new state. */
export const setRestrictAction = authActionClient
  .inputSchema(setRestrictSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => setRestrict(getDb(), ctx.user.id, parsedInput));

/** The post's author approves a restricted account's comment: it goes live for everyone. */
export const approveCommentAction = authActionClient
  .inputSchema(approveCommentSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const result = await approveComment(getDb(), getStorage(), ctx.user.id, parsedInput);
    if (result.ok) {
      const { comment, commentCount, replyCount } = result.data;
      const { postId, id: commentId, parentId } = comment;
      after(() =>
        parentId && replyCount !== undefined
          ? publishReplyAdded(getPublisher(), {
              postId,
              parentId,
              commentId,
              commentCount,
              replyCount,
            })
          : publishCommentAdded(getPublisher(), { postId, commentId, commentCount }),
      );
    }
    return result;
  });
