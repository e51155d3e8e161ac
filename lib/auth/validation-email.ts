import { z } from "zod";
import { emailSchema } from "./validation";

// E-mail verification and change schemas, shared by the forms, the actions and the pages.

export const EMAIL_LINK_INVALID = "This link is invalid, expired or already used.";

// 32 random bytes, base64url: exactly 43 characters (as the reset tokens).
export const emailTokenSchema = z
  .string({ message: EMAIL_LINK_INVALID })
  .regex(/^[A-Za-z0-9_-]{43}$/, { message: EMAIL_LINK_INVALID });

export const emailTokenInputSchema = z.object({ token: emailTokenSchema });
export type EmailTokenInput = z.infer<typeof emailTokenInputSchema>;

export const changeEmailSchema = z.object({
  email: emailSchema,
  currentPassword: z
    .string({ message: "Enter your current password." })
    .min(1, { message: "Enter your current password." })
    .max(128, { message: "Password can have at most 128 characters." }),
});
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;
