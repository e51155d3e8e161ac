"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/redirect";
import { SecondStepRefused } from "@/lib/auth/sign-in-errors";
import {
  confirmTwoFactor,
  disableTwoFactor,
  isWrongPassword,
  regenerateRecoveryCodes,
  startTwoFactor,
} from "@/lib/auth/two-factor";
import { SIGN_IN_EXPIRED } from "@/lib/auth/two-factor-sign-in";
import {
  confirmTwoFactorSchema,
  passwordConfirmSchema,
  signInCodeSchema,
} from "@/lib/auth/two-factor-validation";
import { getDb } from "@/lib/db";
import { countOrRefuse } from "@/lib/rate-limit/abuse";
import { getAbuseLimits } from "@/lib/rate-limit/server-abuse";
import { fail, type Result } from "@/lib/result";
import { actionClient, authActionClient, byFieldPath } from "@/lib/safe-action";

// Two-factor sign-in: the code step of signing in, and Settings → Security.

/**
 * The second step: the ticket the password step answered, and a code from the app or a
 * recovery code. The credentials provider checks both (lib/auth/two-factor-sign-in.ts).
 */
export const signInCodeAction = actionClient
  .inputSchema(signInCodeSchema.extend({ next: z.string().max(2048).optional() }), byFieldPath)
  .action(async ({ parsedInput }) => {
    const { ticket, code, next } = parsedInput;
    try {
      await signIn("credentials", { ticket, code, redirect: false });
    } catch (error) {
      if (error instanceof SecondStepRefused) return error.failure;
      if (!(error instanceof AuthError)) throw error;
      return fail("UNAUTHENTICATED", SIGN_IN_EXPIRED);
    }
    redirect(safeNextPath(next));
  });

/** A new secret to scan; Settings shows it until the first code confirms it. */
export const startTwoFactorAction = authActionClient.action(async ({ ctx }) =>
  startTwoFactor(getDb(), ctx.user.id),
);

/** Turns two-factor on with a first code; answers the recovery codes, shown this once. */
export const confirmTwoFactorAction = authActionClient
  .inputSchema(confirmTwoFactorSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => confirmTwoFactor(getDb(), ctx.user.id, parsedInput.code));

/** Wrong passwords on these forms count with the change-password form's guesses. */
async function withPasswordGuessLimit<T>(userId: string, run: () => Promise<Result<T>>) {
  const limits = getAbuseLimits();
  const limited = await countOrRefuse(limits, "passwordGuess", userId);
  if (limited) return limited;
  const result = await run();
  if (!isWrongPassword(result)) await limits.passwordGuess.reward(userId);
  return result;
}

export const disableTwoFactorAction = authActionClient
  .inputSchema(passwordConfirmSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) =>
    withPasswordGuessLimit(ctx.user.id, () =>
      disableTwoFactor(getDb(), ctx.user.id, parsedInput.password),
    ),
  );

export const regenerateRecoveryCodesAction = authActionClient
  .inputSchema(passwordConfirmSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) =>
    withPasswordGuessLimit(ctx.user.id, () =>
      regenerateRecoveryCodes(getDb(), ctx.user.id, parsedInput.password),
    ),
  );
