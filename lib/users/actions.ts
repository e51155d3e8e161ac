"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { endCurrentSession, signIn, signOut } from "@/lib/auth";
import {
  endAllSessions,
  explainFailedSignIn,
  registerAccount,
  requestPasswordReset,
  resetPassword,
  signInRefusal,
} from "@/lib/auth/accounts";
import { sendVerificationMail } from "@/lib/auth/email-verification";
import { clientIp } from "@/lib/auth/ip";
import { safeNextPath } from "@/lib/auth/redirect";
import { getAccountLimits } from "@/lib/auth/server-limits";
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

async function startSession(identifier: string, password: string) {
  await signIn("credentials", { identifier, password, redirect: false });
}

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
    try {
      await startSession(parsedInput.identifier, parsedInput.password);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      return explainFailedSignIn(getDb(), getAccountLimits(), parsedInput, ip);
    }
    redirect(safeNextPath(parsedInput.next));
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
    await startSession(result.data.username, parsedInput.password);
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
