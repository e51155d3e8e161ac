import { z } from "zod";
import { userIdSchema } from "@/lib/shared/ids";

// Shared by the follow button, the server action and the service.

export const setFollowSchema = z.object({
  userId: userIdSchema,
  follow: z.boolean({ message: "Say whether to follow or unfollow." }),
});
export type SetFollowInput = z.infer<typeof setFollowSchema>;

/** Approve or delete the follow request of `userId` (the requester) to the signed-in owner. */
export const followRequestSchema = z.object({ userId: userIdSchema });
export type FollowRequestInput = z.infer<typeof followRequestSchema>;

/** The "Private account" switch in Settings. */
export const setPrivateAccountSchema = z.object({
  isPrivate: z.boolean({ message: "Say whether the account is private." }),
});
export type SetPrivateAccountInput = z.infer<typeof setPrivateAccountSchema>;
