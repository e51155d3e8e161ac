import { z } from "zod";
import { postIdSchema } from "@/lib/posts/validation";

// Shared by the like button, the server action and the service.

/** What liking, saving or commenting on a post that is gone (or whose author is suspended) says. */
export const POST_NOT_FOUND = "This post doesn't exist or was removed.";

export const setLikeSchema = z.object({
  postId: postIdSchema,
  liked: z.boolean({ message: "Say whether to like or unlike." }),
});
export type SetLikeInput = z.infer<typeof setLikeSchema>;
