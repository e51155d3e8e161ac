"use server";

import { after } from "next/server";
import { getDb } from "@/lib/db";
import { socialAction } from "@/lib/notifications/social-action";
import { getPublisher, publishCommentLikeCount, publishCommentPinned } from "@/lib/realtime";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { setCommentLike, setCommentPin } from "./service-reactions";
import { setCommentLikeSchema, setCommentPinSchema } from "./validation";

// The liker and the pinner are always the signed-in user (ctx), never a field of the input.

/** Hearts or un-hearts a comment; answers its fresh like count, which goes live on the post. */
export const setCommentLikeAction = socialAction(
  "like",
  setCommentLikeSchema,
  setCommentLike,
  ({ postId, commentId, likeCount }) =>
    publishCommentLikeCount(getPublisher(), { postId, commentId, likeCount }),
);

/** The post's author pins (at most three) or unpins a comment; open pages reorder live. */
export const setCommentPinAction = authActionClient
  .inputSchema(setCommentPinSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setCommentPin(getDb(), ctx.user.id, parsedInput);
    if (result.ok) {
      const data = result.data;
      after(() => publishCommentPinned(getPublisher(), data));
    }
    return result;
  });
