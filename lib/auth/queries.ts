import "server-only";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { type NewUser, passwordResetTokens, sessions, users } from "@/db/schema";
import { revokeAllSessions } from "./session-queries";

// All SQL of accounts. Each function takes (db, params) so it runs inside a transaction or not.

export async function findUserByLogin(db: Executor, identifier: string) {
  const login = identifier.trim().toLowerCase();
  const [row] = await db
    .select()
    .from(users)
    .where(or(sql`lower(${users.email}) = ${login}`, sql`lower(${users.username}) = ${login}`))
    .limit(1);
  return row ?? null;
}

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row ?? null;
}

/**
 * What a session check needs, nothing more: the user and, in the same query, the session row
 * `sessionId` of that user (null fields when there is no such row).
 */
export async function findSessionState(db: Executor, id: string, sessionId: string) {
  const statement = preparedOnce(db, "session_state", () =>
    db
      .select({
        id: users.id,
        username: users.username,
        name: users.name,
        role: users.role,
        status: users.status,
        sessionVersion: users.sessionVersion,
        sessionId: sessions.id,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        absoluteExpiresAt: sessions.absoluteExpiresAt,
        revokedAt: sessions.revokedAt,
      })
      .from(users)
      .leftJoin(
        sessions,
        and(eq(sessions.id, sql.placeholder("sessionId")), eq(sessions.userId, users.id)),
      )
      .where(eq(users.id, sql.placeholder("id")))
      .limit(1)
      .prepare("session_state"),
  );
  const [row] = await statement.execute({ id, sessionId });
  return row ?? null;
}

export async function findTakenIdentity(db: Executor, email: string, username: string) {
  const rows = await db
    .select({ email: users.email, username: users.username })
    .from(users)
    .where(
      or(
        sql`lower(${users.email}) = ${email.toLowerCase()}`,
        sql`lower(${users.username}) = ${username.toLowerCase()}`,
      ),
    );
  return {
    email: rows.some((r) => r.email.toLowerCase() === email.toLowerCase()),
    username: rows.some((r) => r.username.toLowerCase() === username.toLowerCase()),
  };
}

export async function insertUser(db: Executor, values: NewUser) {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Ends every session of the user: tokens carry the old version and are refused from now on. */
export async function bumpSessionVersion(db: Executor, userId: string) {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? null;
}

/** Sets the password and ends every session: tokens of the old version, and every session row. */
export async function setPasswordAndEndSessions(db: Executor, userId: string, hash: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({
        passwordHash: hash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning();
    if (row) await revokeAllSessions(tx, userId);
    return row ?? null;
  });
}

export async function insertResetToken(
  db: Executor,
  values: { userId: string; tokenHash: string; expiresAt: Date },
) {
  await db.insert(passwordResetTokens).values(values);
}

/** Marks an unused, unexpired token as used and returns it; null when none matches. */
export async function consumeResetToken(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findUsableResetToken(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Older links stop working once a new password is set. */
export async function invalidateResetTokens(db: Executor, userId: string, now: Date) {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}
