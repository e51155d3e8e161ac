import { z } from "zod";
import { userIdSchema } from "@/lib/shared/ids";

// Shared by the profile menu, the block buttons, the settings lists and the server actions.

export const setBlockSchema = z.object({
  userId: userIdSchema,
  blocked: z.boolean({ message: "Say whether to block or unblock." }),
});
export type SetBlockInput = z.infer<typeof setBlockSchema>;

/** Both false: unmute. */
export const setMuteSchema = z.object({
  userId: userIdSchema,
  posts: z.boolean({ message: "Say whether to mute their posts." }),
  comments: z.boolean({ message: "Say whether to mute their comments." }),
});
export type SetMuteInput = z.infer<typeof setMuteSchema>;
