import { socialRoute } from "@/lib/http/social-route";
import { setLike } from "@/lib/likes/service";
import { setLikeSchema } from "@/lib/likes/validation";
import { getPublisher, publishLikeCount } from "@/lib/realtime";

/**
 * POST { liked }: like or unlike the post; answers { liked, likeCount, likeCountHidden } (see
 * social-route.ts). A count the author hid never goes on the post's channel, as with setLikeAction.
 */
export const POST = socialRoute(
  "like",
  setLikeSchema,
  setLike,
  async ({ likeCount, likeCountHidden }, input) => {
    if (!likeCountHidden) await publishLikeCount(getPublisher(), input.postId, likeCount);
  },
);
