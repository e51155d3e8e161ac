"use server";

import { socialAction } from "@/lib/notifications/social-action";
import { getPublisher, publishLikeCount } from "@/lib/realtime";
import { setLike } from "./service";
import { setLikeSchema } from "./validation";

// The liker is always the signed-in user (ctx), never a field of the input.

/** Like (liked: true) or unlike a post; answers the fresh like count. */
export const setLikeAction = socialAction("like", setLikeSchema, setLike, ({ likeCount }, input) =>
  publishLikeCount(getPublisher(), input.postId, likeCount),
);
