import "server-only";
import { and, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { pushMutedKinds, pushSubscriptions, sessions } from "@/db/schema";
import { describeDevice } from "@/lib/auth/user-agent";
import { PUSH_KINDS, type PushKindKey } from "./kinds";

// All SQL of web push subscriptions and preferences (the delivery's is in deliver-queries.ts).

const USER_AGENT_MAX = 300;

/**
 * Stores this browser's subscription for the signed-in session. An endpoint is one browser
 * profile: subscribing again (new keys, or another account signed in there) replaces its row.
 */
export async function saveSubscription(
  db: Executor,
  v: {
    userId: string;
    sessionId: string;
    endpoint: string;
    p256dh: string;
    auth: string;
    userAgent: string;
  },
) {
  const values = { ...v, userAgent: v.userAgent.slice(0, USER_AGENT_MAX) };
  const [row] = await db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: {
        userId: values.userId,
        sessionId: values.sessionId,
        p256dh: values.p256dh,
        auth: values.auth,
        userAgent: values.userAgent,
        createdAt: new Date(),
      },
    })
    .returning({ id: pushSubscriptions.id });
  if (!row) throw new Error("upsert returned no row");
  return row;
}

/** Deletes one of the user's subscriptions (ownership in the WHERE clause); whether it existed. */
export async function deleteSubscription(db: Executor, userId: string, id: string) {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
    .returning({ id: pushSubscriptions.id });
  return rows.length > 0;
}

export type PushDeviceView = {
  id: string;
  device: string;
  createdAt: string;
  /** subscribed from the session of this request */
  current: boolean;
};

/** The user's subscribed devices for Settings, this session's first. */
export async function listPushDevices(
  db: Executor,
  userId: string,
  currentSessionId: string | null,
): Promise<PushDeviceView[]> {
  const rows = await db
    .select({
      id: pushSubscriptions.id,
      sessionId: pushSubscriptions.sessionId,
      userAgent: pushSubscriptions.userAgent,
      createdAt: pushSubscriptions.createdAt,
    })
    .from(pushSubscriptions)
    .innerJoin(sessions, eq(sessions.id, pushSubscriptions.sessionId))
    .where(and(eq(pushSubscriptions.userId, userId), isNull(sessions.revokedAt)))
    .orderBy(desc(pushSubscriptions.createdAt))
    .limit(50);
  const views = rows.map((r) => ({
    id: r.id,
    device: describeDevice(r.userAgent),
    createdAt: r.createdAt.toISOString(),
    current: r.sessionId === currentSessionId,
  }));
  return [...views.filter((v) => v.current), ...views.filter((v) => !v.current)];
}

/** Each push kind of Settings with whether it is on for the user. */
export async function listPushKinds(db: Executor, userId: string) {
  const rows = await db
    .select({ kind: pushMutedKinds.kind })
    .from(pushMutedKinds)
    .where(eq(pushMutedKinds.userId, userId));
  const off = new Set(rows.map((r) => r.kind));
  return PUSH_KINDS.map((k) => ({ key: k.key, enabled: !off.has(k.key) }));
}

export async function setPushKind(db: Executor, userId: string, kind: PushKindKey, on: boolean) {
  if (on) {
    await db
      .delete(pushMutedKinds)
      .where(and(eq(pushMutedKinds.userId, userId), eq(pushMutedKinds.kind, kind)));
  } else {
    await db.insert(pushMutedKinds).values({ userId, kind }).onConflictDoNothing();
  }
}

/** The recipient's live devices: subscriptions whose sign-in session still stands. */
export async function liveSubscriptions(db: Executor, userId: string, now = new Date()) {
  return db
    .select({
      id: pushSubscriptions.id,
      endpoint: pushSubscriptions.endpoint,
      p256dh: pushSubscriptions.p256dh,
      auth: pushSubscriptions.auth,
    })
    .from(pushSubscriptions)
    .innerJoin(sessions, eq(sessions.id, pushSubscriptions.sessionId))
    .where(
      and(
        eq(pushSubscriptions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.absoluteExpiresAt, now),
      ),
    );
}

/** Forgets subscriptions the push service no longer knows (404/410). */
export async function deleteSubscriptionsById(db: Executor, ids: string[]) {
  if (ids.length === 0) return;
  await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, ids));
}

/** Whether the user turned this push kind off. */
export async function isPushKindMuted(db: Executor, userId: string, key: string) {
  const [row] = await db
    .select({ kind: pushMutedKinds.kind })
    .from(pushMutedKinds)
    .where(and(eq(pushMutedKinds.userId, userId), eq(pushMutedKinds.kind, key)));
  return Boolean(row);
}
