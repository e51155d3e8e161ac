import "server-only";
import { TransactionRollbackError } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import type { EmailTokenPurpose } from "@/db/schema";
import { emailChangedMail, verifyEmailMail } from "@/lib/email/templates-account";
import type { Mailer } from "@/lib/email/types";
import { tooManyMessage } from "@/lib/rate-limit";
import { type Failure, fail, ok, type Result } from "@/lib/result";
import * as q from "./email-queries";
import { createResetToken, hashResetToken } from "./reset-token";
import { EMAIL_LINK_INVALID, emailTokenSchema } from "./validation-email";
import type { VerificationLimits } from "./verification-limits";

// E-mail verification: a new account is mailed a link (24 h, once); opening it marks the address
// verified. The same page confirms the link of an e-mail change (lib/auth/email-change.ts).

export const EMAIL_LINK_TTL_MS = 24 * 60 * 60 * 1000;
export const UNDO_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type MailDeps = { mailer: Mailer; appUrl: string; now?: Date };

/** Sends without waiting: a slow mail server must not hold the request; a failure is logged. */
export function sendQuietly(mailer: Mailer, mail: Parameters<Mailer["send"]>[0]) {
  mailer.send(mail).catch((err) => console.error(`mail "${mail.subject}" failed`, err));
}

/** A new token of `purpose` for `email`, stored hashed; answers the link to mail. */
export async function issueEmailLink(
  db: Executor,
  deps: { appUrl: string; now: Date },
  values: { userId: string; purpose: EmailTokenPurpose; email: string },
) {
  const { token, tokenHash } = createResetToken();
  const ttl = values.purpose === "undo" ? UNDO_LINK_TTL_MS : EMAIL_LINK_TTL_MS;
  await q.insertEmailToken(db, {
    ...values,
    tokenHash,
    expiresAt: new Date(deps.now.getTime() + ttl),
  });
  const url = new URL(
    values.purpose === "undo" ? "/undo-email-change" : "/verify-email",
    deps.appUrl,
  );
  url.searchParams.set("token", token);
  return url.toString();
}

/** Mails the account a fresh verification link (earlier ones stop working). */
export async function sendVerificationMail(
  db: Db,
  deps: MailDeps,
  userId: string,
): Promise<Result<{ email: string }>> {
  const now = deps.now ?? new Date();
  const user = await q.findEmailState(db, userId, now);
  if (!user) return fail("NOT_FOUND", "Account not found.");
  if (user.emailVerifiedAt) return fail("CONFLICT", "Your e-mail is already verified.");
  const url = await db.transaction(async (tx) => {
    await q.invalidateEmailTokens(tx, userId, ["verify"], now);
    return issueEmailLink(
      tx,
      { appUrl: deps.appUrl, now },
      {
        userId,
        purpose: "verify",
        email: user.email,
      },
    );
  });
  sendQuietly(deps.mailer, verifyEmailMail(user, url));
  return ok({ email: user.email });
}

/** "Resend" on the banner: at most 3 mails an hour per account. */
export async function resendVerification(
  db: Db,
  deps: MailDeps & { limits: VerificationLimits },
  userId: string,
): Promise<Result<{ email: string }>> {
  if (await q.isEmailVerified(db, userId)) {
    return fail("CONFLICT", "Your e-mail is already verified.");
  }
  const wait = await deps.limits.resend.hit(userId);
  if (wait > 0) return fail("RATE_LIMITED", tooManyMessage(wait, "verification mails"));
  return sendVerificationMail(db, deps, userId);
}

/** Whether a link's token is unused and unexpired, and what it is for (the pages read this). */
export async function usableEmailLink(db: Executor, token: unknown, now = new Date()) {
  const parsed = emailTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  return q.findUsableEmailToken(db, hashResetToken(parsed.data), now);
}

export const invalidLink = (): Failure =>
  fail("VALIDATION", EMAIL_LINK_INVALID, { token: [EMAIL_LINK_INVALID] });
const TAKEN_NOW = "This address is now used by another account.";

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/**
 * Runs `work` in one transaction; `return refuse(failure)` rolls it back and answers that failure. A unique
 * violation (two accounts racing for one address) answers a taken address.
 */
export async function inTransaction<T>(
  db: Db,
  work: (tx: Executor, refuse: (f: Failure) => never) => Promise<Result<T>>,
): Promise<Result<T>> {
  let refusal: Failure = invalidLink();
  try {
    return await db.transaction((tx) =>
      work(tx, (f) => {
        refusal = f;
        tx.rollback();
        throw new Error("unreachable");
      }),
    );
  } catch (err) {
    if (err instanceof TransactionRollbackError) return refusal;
    if (isUniqueViolation(err)) return fail("CONFLICT", TAKEN_NOW, { email: [TAKEN_NOW] });
    throw err;
  }
}

type Confirmed = { purpose: "verify" | "change"; email: string };

/**
 * Opens a mailed link, once: `verify` marks the account's address verified (if it is still the
 * address the link was sent to); `change` makes the new address the account's, verified, and
 * mails the old one an undo link valid 7 days.
 */
export async function confirmEmailLink(
  db: Db,
  deps: MailDeps,
  token: string,
): Promise<Result<Confirmed>> {
  const now = deps.now ?? new Date();
  const after: { undoMail?: Parameters<Mailer["send"]>[0] } = {};
  const result = await inTransaction<Confirmed>(db, async (tx, refuse) => {
    const row = await q.consumeEmailToken(tx, hashResetToken(token), ["verify", "change"], now);
    if (!row) return invalidLink();
    const state = await q.findEmailState(tx, row.userId, now);
    if (state?.status !== "active") return refuse(invalidLink());
    if (row.purpose === "verify") {
      if (!(await q.markEmailVerified(tx, row.userId, row.email, now)))
        return refuse(invalidLink());
      await q.invalidateEmailTokens(tx, row.userId, ["verify"], now);
      return ok({ purpose: "verify" as const, email: row.email });
    }
    if (await q.isEmailTaken(tx, row.email, row.userId)) {
      return refuse(fail("CONFLICT", TAKEN_NOW, { email: [TAKEN_NOW] }));
    }
    const before = await q.setVerifiedEmail(tx, row.userId, row.email, now);
    if (!before) return refuse(invalidLink());
    await q.invalidateEmailTokens(tx, row.userId, ["verify", "change"], now);
    const undoUrl = await issueEmailLink(
      tx,
      { appUrl: deps.appUrl, now },
      {
        userId: row.userId,
        purpose: "undo",
        email: before.email,
      },
    );
    after.undoMail = emailChangedMail(before, row.email, undoUrl);
    return ok({ purpose: "change" as const, email: row.email });
  });
  if (result.ok && after.undoMail) sendQuietly(deps.mailer, after.undoMail);
  return result;
}

export type EmailStatus = { email: string; verified: boolean; pendingEmail: string | null };

/** What the banner and Settings show: the address, whether it is verified, a pending new one. */
export async function emailStatus(db: Executor, userId: string): Promise<EmailStatus | null> {
  const state = await q.findEmailState(db, userId, new Date());
  if (!state) return null;
  const { email, emailVerifiedAt, pendingEmail } = state;
  return { email, verified: emailVerifiedAt !== null, pendingEmail };
}

/** The address to verify, for the banner of every signed-in page (one small query); null once verified. */
export async function unverifiedEmail(db: Executor, userId: string): Promise<string | null> {
  return q.findUnverifiedEmail(db, userId);
}
