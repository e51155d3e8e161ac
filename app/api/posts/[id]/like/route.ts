import { socialRoute } from "@/lib/http/social-route";
import { setLike } from "@/lib/likes/service";
import { setLikeSchema } from "@/lib/likes/validation";
import { getPublisher, publishLikeCount } from "@/lib/realtime";

/** POST { liked }: like or unlike the post; answers { liked, likeCount } (see social-route.ts). */
export const POST = socialRoute("like", setLikeSchema, setLike, ({ likeCount }, input) =>
  publishLikeCount(getPublisher(), input.postId, likeCount),
);
