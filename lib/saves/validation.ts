import { z } from "zod";
import { postIdSchema } from "@/lib/shared/ids";

// Shared by the save button, the server action and the service.

export const setSaveSchema = z.object({
  postId: postIdSchema,
  saved: z.boolean({ message: "Say whether to save or unsave." }),
});
export type SetSaveInput = z.infer<typeof setSaveSchema>;
