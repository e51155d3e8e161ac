"use server";

import { revalidatePath } from "next/cache";
import {
  cancelEmailChange,
  isWrongPassword,
  requestEmailChange,
  undoEmailChange,
} from "@/lib/auth/email-change";
import { confirmEmailLink, resendVerification } from "@/lib/auth/email-verification";
import { getVerificationLimits } from "@/lib/auth/server-verification";
import { changeEmailSchema, emailTokenInputSchema } from "@/lib/auth/validation-email";
import { getDb } from "@/lib/db";
import { getMailer } from "@/lib/email";
import { env } from "@/lib/env";
import { tooManyMessage } from "@/lib/rate-limit";
import { countOrRefuse } from "@/lib/rate-limit/abuse";
import { getAbuseLimits } from "@/lib/rate-limit/server-abuse";
import { fail } from "@/lib/result";
import { actionClient, authActionClient, byFieldPath } from "@/lib/safe-action";

// E-mail verification and change (lib/auth/email-verification.ts, email-change.ts). The links'
// actions are public: a link works whether or not its reader is signed in, on any device.

const mailDeps = () => ({ mailer: getMailer(), appUrl: env.APP_URL });

/** The banner's "Resend": a fresh verification link to the signed-in account's address. */
export const resendVerificationAction = authActionClient.action(async ({ ctx }) =>
  resendVerification(getDb(), { ...mailDeps(), limits: getVerificationLimits() }, ctx.user.id),
);

/** /verify-email's button: verifies the address, or makes a pending new address the account's. */
export const verifyEmailAction = actionClient
  .inputSchema(emailTokenInputSchema, byFieldPath)
  // No revalidation here: this page's own render would then find the link used and replace the
  // confirmation with "link not valid". The signed-in pages are dynamic and read the state afresh.
  .action(async ({ parsedInput }) => confirmEmailLink(getDb(), mailDeps(), parsedInput.token));

/** Settings' "Change e-mail": needs the current password; mails the new address a link. */
export const requestEmailChangeAction = authActionClient
  .inputSchema(changeEmailSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    // Wrong passwords count as changePasswordAction's do (a stolen session cannot guess it here).
    const limits = getAbuseLimits();
    const limited = await countOrRefuse(limits, "passwordGuess", ctx.user.id);
    if (limited) return limited;
    const wait = await getVerificationLimits().change.blockedFor(ctx.user.id);
    const result =
      wait > 0
        ? fail("RATE_LIMITED", tooManyMessage(wait, "e-mail change requests"))
        : await requestEmailChange(getDb(), mailDeps(), ctx.user.id, parsedInput);
    if (!isWrongPassword(result)) await limits.passwordGuess.reward(ctx.user.id);
    if (!result.ok) return result;
    await getVerificationLimits().change.hit(ctx.user.id);
    revalidatePath("/accounts/settings");
    return result;
  });

/** Settings' "Cancel" next to a pending address: its link stops working. */
export const cancelEmailChangeAction = authActionClient.action(async ({ ctx }) => {
  const result = await cancelEmailChange(getDb(), ctx.user.id);
  revalidatePath("/accounts/settings");
  return result;
});

/** The old address's undo link: restores it and signs every device out. */
export const undoEmailChangeAction = actionClient
  .inputSchema(emailTokenInputSchema, byFieldPath)
  .action(async ({ parsedInput }) => undoEmailChange(getDb(), parsedInput.token));
