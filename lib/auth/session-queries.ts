import "server-only";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { pushSubscriptions, sessions } from "@/db/schema";
import {
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
  SESSION_KEEP_ENDED_SECONDS,
} from "@/lib/auth/session-policy";

// All SQL of sign-in sessions (one row per sign-in, see db/schema/sessions.ts). The per-request
// read is folded into findSessionState (queries.ts) so a request costs one query.

const after = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);

export async function insertSession(
  db: Executor,
  values: { userId: string; userAgent: string; ip: string },
  now = new Date(),
) {
  const [row] = await db
    .insert(sessions)
    .values({
      ...values,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: after(now, SESSION_IDLE_SECONDS),
      absoluteExpiresAt: after(now, SESSION_ABSOLUTE_SECONDS),
    })
    .returning({ id: sessions.id, absoluteExpiresAt: sessions.absoluteExpiresAt });
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Marks the session used now and slides its idle expiry forward, never past its hard maximum. */
export async function touchSession(db: Executor, sessionId: string, now = new Date()) {
  const idleEnd = after(now, SESSION_IDLE_SECONDS);
  await db
    .update(sessions)
    .set({
      lastSeenAt: now,
      expiresAt: sql`least(${idleEnd.toISOString()}::timestamptz, ${sessions.absoluteExpiresAt})`,
    })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/**
 * Revokes one session of this user; null when the user has no such live session. The device's
 * web push subscription goes with it: nothing is pushed to a browser after its sign-out.
 */
export async function revokeSession(
  db: Executor,
  userId: string,
  sessionId: string,
  now = new Date(),
) {
  const [row] = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  if (row) await db.delete(pushSubscriptions).where(eq(pushSubscriptions.sessionId, row.id));
  return row ?? null;
}

/** Revokes every session of the user and forgets all their push subscriptions; how many were live. */
export async function revokeAllSessions(db: Executor, userId: string, now = new Date()) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  return rows.length;
}

/** The user's sessions that still stand, most recently used first. */
export async function listLiveSessions(db: Executor, userId: string, now = new Date()) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.absoluteExpiresAt, now),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.id))
    .limit(50);
}

/** Deletes sessions that ended (revoked or expired) over SESSION_KEEP_ENDED_SECONDS ago. */
export async function deleteEndedSessions(db: Executor, now = new Date()) {
  const before = new Date(now.getTime() - SESSION_KEEP_ENDED_SECONDS * 1000);
  const rows = await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.revokedAt, before),
        lt(sessions.expiresAt, before),
        lt(sessions.absoluteExpiresAt, before),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}
