import { z } from "zod";

// Two-factor schemas, shared by the forms and the actions.

export const CODE_REQUIRED = "Enter the 6-digit code from your app, or a recovery code.";

/** A code from the app (6 digits) or a recovery code ("xxxxx-xxxxx"); spaces are dropped. */
export const twoFactorCodeSchema = z
  .string({ message: CODE_REQUIRED })
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(
    z
      .string()
      .min(1, { message: CODE_REQUIRED })
      .max(32, { message: "That code is too long." })
      .regex(/^[0-9A-Za-z-]+$/, { message: "Codes have only letters, digits and dashes." }),
  );

export const signInCodeSchema = z.object({
  ticket: z
    .string({ message: "Your sign-in expired. Log in again." })
    .min(1, { message: "Your sign-in expired. Log in again." })
    .max(1024, { message: "Your sign-in expired. Log in again." }),
  code: twoFactorCodeSchema,
});
export type SignInCodeInput = z.infer<typeof signInCodeSchema>;

export const confirmTwoFactorSchema = z.object({
  code: z
    .string({ message: "Enter the 6-digit code from your app." })
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { message: "Enter the 6-digit code from your app." })),
});

export const passwordConfirmSchema = z.object({
  password: z
    .string({ message: "Enter your password." })
    .min(1, { message: "Enter your password." })
    .max(128, { message: "Password can have at most 128 characters." }),
});
