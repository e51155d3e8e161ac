import { z } from "zod";
import { postIdSchema } from "@/lib/shared/ids";

// Shared by the like button, the server action and the service.

export const setLikeSchema = z.object({
  postId: postIdSchema,
  liked: z.boolean({ message: "Say whether to like or unlike." }),
});
export type SetLikeInput = z.infer<typeof setLikeSchema>;
