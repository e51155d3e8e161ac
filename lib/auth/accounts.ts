import "server-only";
import { TransactionRollbackError } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import type { User } from "@/db/schema";
import type { AccountLimits } from "@/lib/auth/limits";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createResetToken, hashResetToken, RESET_TOKEN_TTL_MS } from "@/lib/auth/reset-token";
import { passwordResetMail } from "@/lib/email/templates";
import type { Mailer } from "@/lib/email/types";
import { tooManyMessage } from "@/lib/rate-limit";
import { type Failure, fail, ok, type Result } from "@/lib/result";
import { canRestore, restoreDeletedAccount } from "./deleted-accounts";
import * as q from "./queries";
import { reservedNameErrors } from "./reserved-names";
import { revokeAllSessions } from "./session-queries";
import {
  accountKey,
  claimSignInAttempt,
  recordSignInFailure,
  recordSignInSuccess,
  signInBlock,
  signInBlockFailure,
} from "./sign-in-limits";
import {
  type ForgotPasswordInput,
  RESET_LINK_INVALID,
  type RegisterInput,
  type ResetPasswordInput,
  resetTokenSchema,
  type SignInInput,
} from "./validation";

// The account flows, free of Next.js: actions and route handlers call these, tests too.

export type SessionUser = Pick<User, "id" | "username" | "name" | "role" | "sessionVersion">;
const toSessionUser = (u: User): SessionUser => ({
  id: u.id,
  username: u.username,
  name: u.name,
  role: u.role,
  sessionVersion: u.sessionVersion,
});

const INVALID_LOGIN = "Incorrect username, email or password.";
const SUSPENDED = "This account is suspended.";

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

export async function registerAccount(db: Db, input: RegisterInput): Promise<Result<SessionUser>> {
  const { email, username, name, password } = input;
  // A new account is always a plain user's: no staff-like names.
  const reserved = reservedNameErrors("user", { name, username });
  if (reserved) return fail("VALIDATION", "Check the highlighted fields.", reserved);
  const taken = await q.findTakenIdentity(db, email, username);
  if (taken.email || taken.username) return takenFailure(taken);
  const passwordHash = await hashPassword(password);
  try {
    // Unverified until the mailed link is opened (lib/auth/email-verification.ts).
    const values = { email, username, name, passwordHash, emailVerifiedAt: null };
    const user = await q.insertUser(db, values);
    return ok(toSessionUser(user));
  } catch (err) {
    // Two sign-ups racing for one name: the unique index decides.
    if (isUniqueViolation(err)) return takenFailure(await q.findTakenIdentity(db, email, username));
    throw err;
  }
}

function takenFailure(taken: { email: boolean; username: boolean }) {
  const fieldErrors: Record<string, string[]> = {};
  if (taken.email) fieldErrors.email = ["An account with this email already exists."];
  if (taken.username) fieldErrors.username = ["This username isn't available."];
  return fail("CONFLICT", "Check the highlighted fields.", fieldErrors);
}

/**
 * Checks a sign-in, counting failures as lib/auth/limits.ts describes. The right password of an
 * account deleted less than ACCOUNT_RESTORE_DAYS ago restores it (`restored`), unless
 * `deferRestore` says the restore waits for a second step (two-factor: the code restores it;
 * answered with `awaitingRestore`); an older deleted one answers like a wrong password, as it is
 * about to be erased.
 */
export async function authenticate(
  db: Db,
  limits: AccountLimits,
  input: SignInInput,
  ip: string,
  options: { deferRestore?: (userId: string) => Promise<boolean> } = {},
): Promise<Result<SessionUser & { restored: boolean; awaitingRestore?: boolean }>> {
  const { identifier, password } = input;
  const user = await q.findUserByLogin(db, identifier);
  const account = accountKey(user, identifier);
  const block = await claimSignInAttempt(limits, account, ip);
  if (block) return signInBlockFailure(block);

  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid) {
    await recordSignInFailure(limits, account);
    return fail("UNAUTHENTICATED", INVALID_LOGIN);
  }
  if (user.status === "deleted") {
    if (canRestore(user.deletedAt) && (await options.deferRestore?.(user.id))) {
      await recordSignInSuccess(limits, account, ip);
      return ok({ ...toSessionUser(user), restored: false, awaitingRestore: true });
    }
    if (!canRestore(user.deletedAt) || !(await restoreDeletedAccount(db, user.id))) {
      await recordSignInFailure(limits, account);
      return fail("UNAUTHENTICATED", INVALID_LOGIN);
    }
    await recordSignInSuccess(limits, account, ip);
    return ok({ ...toSessionUser(user), restored: true });
  }
  await recordSignInSuccess(limits, account, ip);
  // Only now, after the right password: a wrong one must not tell that the account is suspended.
  if (user.status !== "active") return fail("FORBIDDEN", SUSPENDED);
  return ok({ ...toSessionUser(user), restored: false });
}

/** Whether this login names an account its owner deleted (asked before a sign-in restores it). */
export async function isDeletedLogin(db: Executor, identifier: string): Promise<boolean> {
  return (await q.findUserByLogin(db, identifier))?.status === "deleted";
}

/** Milliseconds until this login may be tried again from this address (0: not limited). */
export async function signInWait(
  db: Executor,
  limits: AccountLimits,
  identifier: string,
  ip: string,
): Promise<number> {
  const login = identifier.trim().toLowerCase();
  const user = login ? await q.findUserByLogin(db, login) : null;
  return (await signInBlock(limits, accountKey(user, login), ip))?.waitMs ?? 0;
}

/** The refusal of a sign-in that its limits do not allow now, before any password is checked. */
export async function signInRefusal(
  db: Executor,
  limits: AccountLimits,
  identifier: string,
  ip: string,
): Promise<Failure | null> {
  const user = await q.findUserByLogin(db, identifier);
  const block = await signInBlock(limits, accountKey(user, identifier), ip);
  return block ? signInBlockFailure(block) : null;
}

/**
 * Why a checked sign-in failed, in words for the form (after signInRefusal let it through and
 * next-auth refused it). "Suspended" only for the right password, checked again here for
 * suspended accounts only; a wrong password also tells how long the account now waits.
 */
export async function explainFailedSignIn(
  db: Executor,
  limits: AccountLimits,
  credentials: { identifier: string; password: string },
  ip: string,
): Promise<Failure> {
  const user = await q.findUserByLogin(db, credentials.identifier);
  if (user && user.status === "suspended") {
    if (await verifyPassword(user.passwordHash, credentials.password)) {
      return fail("FORBIDDEN", SUSPENDED);
    }
  }
  const block = await signInBlock(limits, accountKey(user, credentials.identifier), ip);
  if (block) return signInBlockFailure(block, INVALID_LOGIN);
  return fail("UNAUTHENTICATED", INVALID_LOGIN);
}

/** Always answers the same for known and unknown addresses; mails a link to known ones. */
export async function requestPasswordReset(
  db: Db,
  deps: { limits: AccountLimits; mailer: Mailer; appUrl: string; now?: Date },
  input: ForgotPasswordInput,
  ip: string,
): Promise<Result<undefined>> {
  const { email } = input;
  const wait = Math.max(
    await deps.limits.resetPerIp.hit(ip),
    await deps.limits.resetPerEmail.hit(email),
  );
  if (wait > 0) return fail("RATE_LIMITED", tooManyMessage(wait, "reset requests"));

  const user = await q.findUserByEmail(db, email);
  if (user?.status !== "active") return ok(undefined);
  const now = deps.now ?? new Date();
  const { token, tokenHash } = createResetToken();
  await q.insertResetToken(db, {
    userId: user.id,
    tokenHash,
    expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
  });
  const url = new URL("/reset-password", deps.appUrl);
  url.searchParams.set("token", token);
  // Not awaited: a slow mail server must not tell an attacker which addresses exist.
  deps.mailer
    .send(passwordResetMail({ email: user.email, name: user.name }, url.toString()))
    .catch((err) => console.error("password reset mail failed", err));
  return ok(undefined);
}

export async function isResetTokenUsable(db: Executor, token: unknown, now = new Date()) {
  const parsed = resetTokenSchema.safeParse(token);
  if (!parsed.success) return false;
  return (await q.findUsableResetToken(db, hashResetToken(parsed.data), now)) !== null;
}

/** Sets a new password from a mailed token: works once, within the hour; ends all sessions. */
export async function resetPassword(
  db: Db,
  input: ResetPasswordInput,
  now = new Date(),
): Promise<Result<SessionUser>> {
  const passwordHash = await hashPassword(input.password);
  const tokenHash = hashResetToken(input.token);
  const user = await db
    .transaction(async (tx) => {
      const token = await q.consumeResetToken(tx, tokenHash, now);
      if (!token) return null;
      const updated = await q.setPasswordAndEndSessions(tx, token.userId, passwordHash);
      // A suspended account keeps its password: undo the whole transaction.
      if (updated?.status !== "active") tx.rollback();
      await q.invalidateResetTokens(tx, token.userId, now);
      return updated;
    })
    .catch((err) => {
      if (err instanceof TransactionRollbackError) return null;
      throw err;
    });
  if (!user) return fail("VALIDATION", RESET_LINK_INVALID, { token: [RESET_LINK_INVALID] });
  return ok(toSessionUser(user));
}

/** "Sign out everywhere": every session row is revoked and every token issued before now refused. */
export async function endAllSessions(db: Executor, userId: string): Promise<Result<number>> {
  const version = await db.transaction(async (tx) => {
    const bumped = await q.bumpSessionVersion(tx, userId);
    if (bumped !== null) await revokeAllSessions(tx, userId);
    return bumped;
  });
  if (version === null) return fail("NOT_FOUND", "Account not found.");
  return ok(version);
}
