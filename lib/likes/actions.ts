"use server";

import { socialAction } from "@/lib/notifications/social-action";
import { getPublisher, publishLikeCount } from "@/lib/realtime";
import { setLike } from "./service";
import { setLikeSchema } from "./validation";

// The liker is always the signed-in user (ctx), never a field of the input.

/**
 * Like (liked: true) or unlike a post; answers the fresh like count. A count the author hid never
 * goes on the post's (public) channel: open pages of it hear nothing.
 */
export const setLikeAction = socialAction(
  "like",
  setLikeSchema,
  setLike,
  async ({ likeCount, likeCountHidden }, input) => {
    if (!likeCountHidden) await publishLikeCount(getPublisher(), input.postId, likeCount);
  },
);
