import { z } from "zod";

// Shared by the follow button, the server action and the service.

export const USER_NOT_FOUND = "This account doesn't exist.";

export const setFollowSchema = z.object({
  userId: z.uuid({ message: USER_NOT_FOUND }),
  follow: z.boolean({ message: "Say whether to follow or unfollow." }),
});
export type SetFollowInput = z.infer<typeof setFollowSchema>;
