import { z } from "zod";
import { displayNameSchema, passwordSchema, usernameSchema } from "@/lib/auth/validation";
import { hasNoNul, NUL_MESSAGE } from "@/lib/shared/text";
import { MAX_BIO } from "./limits";

// Profile and settings schemas, shared by the forms and the actions.

export const bioSchema = z
  .string()
  .refine(hasNoNul, { message: NUL_MESSAGE })
  .trim()
  .max(MAX_BIO, { message: `Bio can have at most ${MAX_BIO} characters.` })
  .default("");

// Only http(s) links: no javascript:, data: or other schemes ever reach an href.
export const websiteSchema = z
  .string()
  .refine(hasNoNul, { message: NUL_MESSAGE })
  .trim()
  .max(200, { message: "Website can have at most 200 characters." })
  .transform((v, ctx) => {
    if (v === "") return null;
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`;
    let url: URL;
    try {
      url = new URL(withScheme);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a valid web address." });
      return z.NEVER;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: "Website must start with http:// or https://." });
      return z.NEVER;
    }
    if (!url.hostname.includes(".") || url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "Enter a valid web address." });
      return z.NEVER;
    }
    return url.toString();
  });

export const updateProfileSchema = z.object({
  name: displayNameSchema,
  username: usernameSchema,
  bio: bioSchema,
  website: websiteSchema.prefault(""),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ message: "Enter your current password." })
      .min(1, { message: "Enter your current password." })
      .max(128),
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    message: "Passwords don't match.",
    path: ["confirm"],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** Settings' "Log out" beside one of the account's other sessions. */
export const revokeSessionSchema = z.object({
  sessionId: z.uuid({ message: "This session has already ended." }),
});
