"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { endCurrentSession, signIn, signOut } from "@/lib/auth";
import {
  endAllSessions,
  explainFailedSignIn,
  isDeletedLogin,
  registerAccount,
  requestPasswordReset,
  resetPassword,
  signInRefusal,
} from "@/lib/auth/accounts";
import { sendVerificationMail } from "@/lib/auth/email-verification";
import { clientIp } from "@/lib/auth/ip";
import { safeNextPath } from "@/lib/auth/redirect";
import { getAccountLimits } from "@/lib/auth/server-limits";
import { TwoFactorRequired } from "@/lib/auth/sign-in-errors";
import {
  forgotPasswordSchema,
  registerSchema,
  resetPasswordSchema,
  signInSchema,
} from "@/lib/auth/validation";
import { getDb } from "@/lib/db";
import { getMailer } from "@/lib/email";
import { env } from "@/lib/env";
import { giveBack, take } from "@/lib/rate-limit/abuse";
import { getAbuseLimits } from "@/lib/rate-limit/server-abuse";
import { ok } from "@/lib/result";
import { actionClient, authActionClient, byFieldPath } from "@/lib/safe-action";

const nextField = { next: z.string().max(2048).optional() };
const RESTORED_PATH = "/?restored=1";

/**
 * Signs in with a password; null when a session started, or the ticket of the code step when the
 * account has two-factor sign-in on (lib/auth/two-factor-sign-in.ts).
 */
async function startSession(identifier: string, password: string): Promise<string | null> {
  try {
    await signIn("credentials", { identifier, password, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof TwoFactorRequired) return error.ticket;
    throw error;
  }
}

/** What the password step answers an account with two-factor on: the code step comes next. */
const codeStep = (ticket: string) => ok({ twoFactor: true as const, ticket });

export const registerAction = actionClient
  .inputSchema(registerSchema.extend(nextField), byFieldPath)
  .action(async ({ parsedInput }) => {
    // Sign-ups per client address: one taken up front (simultaneous sign-ups cannot all pass),
    // given back when the sign-up fails, so only accounts made count.
    const ip = clientIp(await headers());
    const limits = getAbuseLimits();
    const limited = await take(limits, "signup", ip, 1);
    if (limited) return limited;
    const result = await registerAccount(getDb(), parsedInput).catch(async (error: unknown) => {
      await giveBack(limits, "signup", ip);
      throw error;
    });
    if (!result.ok) {
      await giveBack(limits, "signup", ip);
      return result;
    }
    // The verification link; the account works meanwhile (with the limits of lib/auth/unverified.ts).
    await sendVerificationMail(
      getDb(),
      { mailer: getMailer(), appUrl: env.APP_URL },
      result.data.id,
    ).catch((error: unknown) => console.error("verification mail failed", error));
    await startSession(result.data.username, parsedInput.password);
    redirect(safeNextPath(parsedInput.next));
  });

export const signInAction = actionClient
  .inputSchema(signInSchema.extend(nextField), byFieldPath)
  .action(async ({ parsedInput }) => {
    const ip = clientIp(await headers());
    const refused = await signInRefusal(getDb(), getAccountLimits(), parsedInput.identifier, ip);
    if (refused) return refused;
    // Asked before: the sign-in itself restores a recently deleted account.
    const wasDeleted = await isDeletedLogin(getDb(), parsedInput.identifier);
    try {
      const ticket = await startSession(parsedInput.identifier, parsedInput.password);
      if (ticket) return codeStep(ticket);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      return explainFailedSignIn(getDb(), getAccountLimits(), parsedInput, ip);
    }
    // The home page greets a restored account ("Welcome back, your account is restored").
    redirect(wasDeleted ? RESTORED_PATH : safeNextPath(parsedInput.next));
  });

export const forgotPasswordAction = actionClient
  .inputSchema(forgotPasswordSchema, byFieldPath)
  .action(async ({ parsedInput }) => {
    const ip = clientIp(await headers());
    return requestPasswordReset(
      getDb(),
      { limits: getAccountLimits(), mailer: getMailer(), appUrl: env.APP_URL },
      parsedInput,
      ip,
    );
  });

export const resetPasswordAction = actionClient
  .inputSchema(resetPasswordSchema, byFieldPath)
  .action(async ({ parsedInput }) => {
    const result = await resetPassword(getDb(), parsedInput);
    if (!result.ok) return result;
    // A reset link replaces the password, not the second factor: the code step still comes.
    const ticket = await startSession(result.data.username, parsedInput.password);
    if (ticket) return codeStep(ticket);
    redirect("/");
  });

/** Ends this session on the server (a copied cookie stops working too), then clears the cookie. */
export const signOutAction = actionClient.action(async () => {
  await endCurrentSession();
  await signOut({ redirectTo: "/login" });
  return ok(undefined);
});

export const signOutEverywhereAction = authActionClient.action(async ({ ctx }) => {
  const result = await endAllSessions(getDb(), ctx.user.id);
  if (!result.ok) return result;
  await signOut({ redirectTo: "/login" });
  return ok(undefined);
});
