import "server-only";
import { eq, TransactionRollbackError } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { fail, ok, type Result } from "@/lib/result";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  RECOVERY_CODE_COUNT,
} from "./recovery-codes";
import { matchTotp, newTotpSecret, totpUri } from "./totp";
import { seal, unseal } from "./two-factor-crypto";
import * as q from "./two-factor-queries";

// Turning two-factor sign-in on and off from Settings, and what the rest of the app asks about
// it. The TOTP secret is sealed with TWO_FACTOR_KEY (or a key derived from AUTH_SECRET) before
// it is stored; the sign-in side lives in two-factor-sign-in.ts.

const storageSecret = () => env.TWO_FACTOR_KEY ?? env.AUTH_SECRET;

export const sealTotpSecret = (secret: string) =>
  seal(storageSecret(), "two-factor-secret", secret);
export const openTotpSecret = (sealed: string) =>
  unseal(storageSecret(), "two-factor-secret", sealed);

export type TwoFactorStatus =
  | { state: "off" }
  | { state: "pending"; secret: string; uri: string }
  | { state: "on"; recoveryCodesLeft: number };

export async function isTwoFactorOn(db: Executor, userId: string): Promise<boolean> {
  return (await q.findTwoFactor(db, userId))?.enabledAt != null;
}

export async function twoFactorStatus(
  db: Executor,
  user: { id: string; username: string },
): Promise<TwoFactorStatus> {
  const row = await q.findTwoFactor(db, user.id);
  if (!row) return { state: "off" };
  if (row.enabledAt) {
    return { state: "on", recoveryCodesLeft: await q.countUnusedRecoveryCodes(db, user.id) };
  }
  const secret = openTotpSecret(row.secretEnc);
  if (!secret) return { state: "off" };
  return { state: "pending", secret, uri: totpUri(secret, user.username) };
}

/** A new secret to scan; two-factor stays off until confirmTwoFactor gets a first code. */
export async function startTwoFactor(db: Executor, userId: string): Promise<Result<undefined>> {
  const stored = await q.upsertPendingSecret(db, userId, sealTotpSecret(newTotpSecret()));
  if (!stored) return fail("CONFLICT", "Two-factor authentication is already on.");
  return ok(undefined);
}

const WRONG_CODE = "That code didn't work. Check your app's time and try the newest code.";

/** Turns two-factor on with a first code; answers the ten recovery codes (shown this once). */
export async function confirmTwoFactor(
  db: Db,
  userId: string,
  code: string,
  now = new Date(),
): Promise<Result<{ recoveryCodes: string[] }>> {
  const row = await q.findTwoFactor(db, userId);
  if (row?.enabledAt) return fail("CONFLICT", "Two-factor authentication is already on.");
  const secret = row ? openTotpSecret(row.secretEnc) : null;
  if (!secret) return fail("NOT_FOUND", "Start the setup again: no code is waiting.");
  const step = matchTotp(secret, code, now.getTime());
  if (step === null) return fail("VALIDATION", WRONG_CODE, { code: [WRONG_CODE] });
  const recoveryCodes = newRecoveryCodes();
  const enabled = await db.transaction(async (tx) => {
    if (!(await q.enableTwoFactor(tx, userId, step, now))) return false;
    await q.replaceRecoveryCodes(tx, userId, recoveryCodes.map(hashRecoveryCode));
    return true;
  });
  if (!enabled) return fail("CONFLICT", "Two-factor authentication is already on.");
  return ok({ recoveryCodes });
}

export const WRONG_PASSWORD = "Incorrect password.";

async function passwordMatches(db: Executor, userId: string, password: string) {
  const [u] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return verifyPassword(u?.hash ?? null, password);
}

const wrongPassword = () => fail("VALIDATION", WRONG_PASSWORD, { password: [WRONG_PASSWORD] });

/** Turns two-factor off (the secret and the recovery codes are deleted); needs the password. */
export async function disableTwoFactor(
  db: Db,
  userId: string,
  password: string,
): Promise<Result<undefined>> {
  if (!(await passwordMatches(db, userId, password))) return wrongPassword();
  const deleted = await db.transaction((tx) => q.deleteTwoFactor(tx, userId));
  if (!deleted) return fail("NOT_FOUND", "Two-factor authentication is already off.");
  return ok(undefined);
}

/** Ten new recovery codes; the old ones stop working. Needs the password. */
export async function regenerateRecoveryCodes(
  db: Db,
  userId: string,
  password: string,
): Promise<Result<{ recoveryCodes: string[] }>> {
  if (!(await passwordMatches(db, userId, password))) return wrongPassword();
  if (!(await isTwoFactorOn(db, userId))) {
    return fail("NOT_FOUND", "Turn on two-factor authentication first.");
  }
  const recoveryCodes = newRecoveryCodes(RECOVERY_CODE_COUNT);
  await db.transaction((tx) =>
    q.replaceRecoveryCodes(tx, userId, recoveryCodes.map(hashRecoveryCode)),
  );
  return ok({ recoveryCodes });
}

/** A wrong password on the forms above (counted by the actions' guess limit). */
export const isWrongPassword = (r: Result<unknown>) =>
  !r.ok && r.fieldErrors?.password?.[0] === WRONG_PASSWORD;

/**
 * Checks a second-step code of an account with two-factor on and spends it: an app code of a
 * step later than the last one accepted, or an unused recovery code. `ticketIssuedAt` spends
 * the sign-in ticket in the same write. False for a wrong, reused or spent code or ticket.
 */
export async function spendSecondFactor(
  db: Db,
  userId: string,
  code: string,
  ticketIssuedAt: Date,
  now: Date,
): Promise<boolean> {
  const row = await q.findTwoFactor(db, userId);
  if (!row?.enabledAt) return false;
  if (/^\d{6}$/.test(code)) {
    const secret = openTotpSecret(row.secretEnc);
    const step = secret ? matchTotp(secret, code, now.getTime()) : null;
    if (step === null) return false;
    return q.recordVerification(db, userId, ticketIssuedAt, now, step);
  }
  if (!looksLikeRecoveryCode(code)) return false;
  return db
    .transaction(async (tx) => {
      if (!(await q.recordVerification(tx, userId, ticketIssuedAt, now, null))) tx.rollback();
      if (!(await q.useRecoveryCode(tx, userId, hashRecoveryCode(code), now))) tx.rollback();
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError) return false;
      throw error;
    });
}
