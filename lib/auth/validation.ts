import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/shared/text";
import { reservedUsernames } from "./reserved-usernames";

// Account schemas (sign-up, sign-in, password reset), shared by the forms, the actions and the
// sign-in route.

export const usernameSchema = z
  .string({ message: "Username is required." })
  .trim()
  .toLowerCase()
  .min(1, { message: "Username is required." })
  .max(30, { message: "Username can have at most 30 characters." })
  .regex(/^[a-z0-9._]+$/, {
    message: "Username can only use letters, numbers, periods and underscores.",
  })
  .refine((u) => !u.startsWith(".") && !u.endsWith(".") && !u.includes(".."), {
    message: "Username can't start or end with a period or have two periods in a row.",
  })
  .refine((u) => !reservedUsernames.has(u), { message: "This username isn't available." });

export const emailSchema = z
  .string({ message: "Email is required." })
  .trim()
  .toLowerCase()
  .min(1, { message: "Email is required." })
  .max(254, { message: "Email is too long." })
  .pipe(z.email({ message: "Enter a valid email address." }));

const EMOJI_JOINER =
  /(?<=\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)\u200D(?=\p{Extended_Pictographic})/gu;

export const displayNameSchema = z
  .string({ message: "Name is required." })
  .trim()
  .min(1, { message: "Name is required." })
  .max(50, { message: "Name can have at most 50 characters." })
  .refine((n) => !/\p{Cc}/u.test(n), { message: "Name has invalid characters." })
  // Invisible and direction-changing characters (bidi overrides and isolates, zero-width
  // characters, byte-order marks: Unicode's "format" class) let a name pass for another one. The
  // joiner inside an emoji sequence (👩‍💻) is the one kept.
  .refine((n) => !/\p{Cf}/u.test(n.replace(EMOJI_JOINER, "")), {
    message: "Name can't contain invisible or text-direction characters.",
  });

export const passwordSchema = z
  .string({ message: "Password is required." })
  .min(1, { message: "Password is required." })
  .min(8, { message: "Password must have at least 8 characters." })
  .max(128, { message: "Password can have at most 128 characters." });

export const registerSchema = z.object({
  email: emailSchema,
  username: usernameSchema,
  name: displayNameSchema,
  password: passwordSchema,
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const signInSchema = z.object({
  identifier: z
    .string({ message: "Enter your email or username." })
    .refine(hasNoNul, { message: NUL_MESSAGE })
    .trim()
    .toLowerCase()
    .min(1, { message: "Enter your email or username." })
    .max(254, { message: "Email or username is too long." }),
  password: z
    .string({ message: "Enter your password." })
    .min(1, { message: "Enter your password." })
    .max(128, { message: "Password can have at most 128 characters." }),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

export const RESET_LINK_INVALID =
  "This reset link is invalid, expired or already used. Ask for a new one.";

// 32 random bytes, base64url: exactly 43 characters.
export const resetTokenSchema = z
  .string({ message: RESET_LINK_INVALID })
  .regex(/^[A-Za-z0-9_-]{43}$/, { message: RESET_LINK_INVALID });

export const resetPasswordSchema = z
  .object({ token: resetTokenSchema, password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, {
    message: "Passwords don't match.",
    path: ["confirm"],
  });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
