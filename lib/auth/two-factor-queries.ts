import "server-only";
import { and, count, eq, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { twoFactorRecoveryCodes, users, userTwoFactor } from "@/db/schema";

// All SQL of two-factor sign-in; (db, params) functions.

export async function findTwoFactor(db: Executor, userId: string) {
  const [row] = await db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, userId));
  return row ?? null;
}

/** A new secret waiting for its first code (replaces an earlier unconfirmed one only). */
export async function upsertPendingSecret(db: Executor, userId: string, secretEnc: string) {
  const rows = await db
    .insert(userTwoFactor)
    .values({ userId, secretEnc })
    .onConflictDoUpdate({
      target: userTwoFactor.userId,
      set: { secretEnc, lastStep: null, lastVerifiedAt: null },
      setWhere: isNull(userTwoFactor.enabledAt),
    })
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}

export async function enableTwoFactor(db: Executor, userId: string, step: number, now: Date) {
  const rows = await db
    .update(userTwoFactor)
    .set({ enabledAt: now, lastStep: step })
    .where(and(eq(userTwoFactor.userId, userId), isNull(userTwoFactor.enabledAt)))
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}

export async function deleteTwoFactor(db: Executor, userId: string) {
  await db.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  const rows = await db
    .delete(userTwoFactor)
    .where(eq(userTwoFactor.userId, userId))
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[]) {
  await db.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await db.insert(twoFactorRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Spends an unused recovery code of this account; false when there is none with this hash. */
export async function useRecoveryCode(db: Executor, userId: string, codeHash: string, now: Date) {
  const rows = await db
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(twoFactorRecoveryCodes.userId, userId),
        eq(twoFactorRecoveryCodes.codeHash, codeHash),
        isNull(twoFactorRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: twoFactorRecoveryCodes.id });
  return rows.length > 0;
}

/**
 * Records a successful second step, atomically: only when the ticket was issued after the last
 * one (a ticket is spent once) and, for an app code, only for a later step than the last code
 * accepted (a code works once). False when either check fails.
 */
export async function recordVerification(
  db: Executor,
  userId: string,
  ticketIssuedAt: Date,
  now: Date,
  step: number | null,
) {
  const conditions = [
    eq(userTwoFactor.userId, userId),
    or(isNull(userTwoFactor.lastVerifiedAt), lt(userTwoFactor.lastVerifiedAt, ticketIssuedAt)),
  ];
  if (step !== null) {
    conditions.push(or(isNull(userTwoFactor.lastStep), lt(userTwoFactor.lastStep, step)));
  }
  const rows = await db
    .update(userTwoFactor)
    .set(step === null ? { lastVerifiedAt: now } : { lastVerifiedAt: now, lastStep: step })
    .where(and(...conditions))
    .returning({ userId: userTwoFactor.userId });
  return rows.length > 0;
}

export async function findUserById(db: Executor, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row ?? null;
}
