import "server-only";
import type { Db } from "@/db/client";
import { confirmNewEmailMail } from "@/lib/email/templates-account";
import { fail, ok, type Result } from "@/lib/result";
import * as q from "./email-queries";
import {
  inTransaction,
  invalidLink,
  issueEmailLink,
  type MailDeps,
  sendQuietly,
} from "./email-verification";
import { verifyPassword } from "./password";
import { bumpSessionVersion } from "./queries";
import { hashResetToken } from "./reset-token";
import { revokeAllSessions } from "./session-queries";
import type { ChangeEmailInput } from "./validation-email";

// Changing the account's e-mail: the new address is mailed a link and takes the old one's place
// only when it is opened (confirmEmailLink); the old address is then mailed an undo link.

export const WRONG_PASSWORD = "That password isn't right.";
const TAKEN = "An account with this email already exists.";

/** Whether requestEmailChange refused because the current password was wrong (a guess to count). */
export function isWrongPassword(result: Result<unknown>): boolean {
  return !result.ok && result.fieldErrors?.currentPassword?.[0] === WRONG_PASSWORD;
}

/** Needs the current password; mails the new address a link (earlier change links stop working). */
export async function requestEmailChange(
  db: Db,
  deps: MailDeps,
  userId: string,
  input: ChangeEmailInput,
): Promise<Result<{ pendingEmail: string }>> {
  const now = deps.now ?? new Date();
  const user = await q.findEmailState(db, userId, now);
  if (!user) return fail("NOT_FOUND", "Account not found.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return fail("VALIDATION", "Check the highlighted fields.", {
      currentPassword: [WRONG_PASSWORD],
    });
  }
  if (input.email === user.email.toLowerCase()) {
    const same = "This is already your e-mail.";
    return fail("VALIDATION", same, { email: [same] });
  }
  if (await q.isEmailTaken(db, input.email, userId)) {
    return fail("CONFLICT", "Check the highlighted fields.", { email: [TAKEN] });
  }
  const url = await db.transaction(async (tx) => {
    await q.invalidateEmailTokens(tx, userId, ["change"], now);
    return issueEmailLink(
      tx,
      { appUrl: deps.appUrl, now },
      {
        userId,
        purpose: "change",
        email: input.email,
      },
    );
  });
  sendQuietly(deps.mailer, confirmNewEmailMail({ email: input.email, name: user.name }, url));
  return ok({ pendingEmail: input.email });
}

/** Settings' "Cancel": the pending new address's link stops working. */
export async function cancelEmailChange(db: Db, userId: string, now = new Date()) {
  await q.invalidateEmailTokens(db, userId, ["change"], now);
  return ok(undefined);
}

/**
 * The old address's undo link (7 days, once): puts that address back, verified, and ends every
 * session of the account (whoever changed it is signed out); the owner then resets the password.
 */
export async function undoEmailChange(
  db: Db,
  token: string,
  now = new Date(),
): Promise<Result<{ email: string }>> {
  return inTransaction<{ email: string }>(db, async (tx, refuse) => {
    const row = await q.consumeEmailToken(tx, hashResetToken(token), ["undo"], now);
    if (!row) return invalidLink();
    if (await q.isEmailTaken(tx, row.email, row.userId)) {
      const taken = "This address is now used by another account. Contact support.";
      return refuse(fail("CONFLICT", taken, { token: [taken] }));
    }
    await q.setVerifiedEmail(tx, row.userId, row.email, now);
    await q.invalidateEmailTokens(tx, row.userId, ["verify", "change", "undo"], now);
    await bumpSessionVersion(tx, row.userId);
    await revokeAllSessions(tx, row.userId);
    return ok({ email: row.email });
  });
}
