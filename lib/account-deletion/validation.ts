import { z } from "zod";

// The delete-account form and its action share this schema.

export const deleteAccountSchema = z.object({
  password: z
    .string({ message: "Enter your password." })
    .min(1, { message: "Enter your password." })
    .max(1000, { message: "Enter your password." }),
  /** The two-factor code (app or recovery code); required when the account has two-factor on. */
  code: z.string().trim().max(64, { message: "Enter the code from your app." }).optional(),
});

export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

/** Where the browser lands after deleting its account: the log-in page, saying how to undo it. */
export const AFTER_DELETE_PATH = "/login?deleted=1";
