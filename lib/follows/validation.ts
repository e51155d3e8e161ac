import { z } from "zod";
import { userIdSchema } from "@/lib/shared/ids";

// Shared by the follow button, the server action and the service.

export const setFollowSchema = z.object({
  userId: userIdSchema,
  follow: z.boolean({ message: "Say whether to follow or unfollow." }),
});
export type SetFollowInput = z.infer<typeof setFollowSchema>;
