import "server-only";
import {
  and,
  asc,
  count,
  countDistinct,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  lte,
  sql,
} from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { comments, notifications, pushGroups, pushSubscriptions, users } from "@/db/schema";
import { avatarUrl } from "@/lib/shared/media";
import type { Storage } from "@/lib/storage/types";
import { pushKindOf } from "./kinds";
import { PUSH_MESSAGES, type PushPayload, pushGroupKey } from "./messages";
import { deleteSubscriptionsById, isPushKindMuted, liveSubscriptions } from "./queries";
import type { PushSender } from "./sender";

// Delivery of web pushes, after the write that created the notifications committed.
// Grouping: per recipient and group (a post's likes, a post's comments, new followers...), the
// first notification of a quiet group is pushed at once; the next ones within PUSH_GROUP_WINDOW_MS
// of that push wait, and go out together as ONE push when the window closes ("ana and 9 others
// liked your post"), with the group as the notification's tag so it replaces the earlier one.

export const PUSH_GROUP_WINDOW_MS = 60_000;
const FALLBACK_ICON = "/icons/icon-192.png";
const CLAIM_BATCH = 100;
const EXCERPT_LENGTH = 80;

/** A comment's first words for the push's text: whitespace collapsed, cut with an ellipsis. */
function excerpt(body: string): string {
  const text = body.replace(/\s+/g, " ").trim();
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/** Marks the groups of these (just committed) notifications due: now, or when their window ends. */
export async function enqueuePushes(
  db: Executor,
  notificationIds: readonly string[],
  now = new Date(),
) {
  if (notificationIds.length === 0) return;
  const rows = await db
    .select({
      recipientId: notifications.recipientId,
      kind: notifications.kind,
      postId: notifications.postId,
    })
    .from(notifications)
    .where(
      and(
        inArray(notifications.id, [...notificationIds]),
        // Only people with a device to push to get a group row.
        sql`exists (select 1 from ${pushSubscriptions} where ${pushSubscriptions.userId} = ${notifications.recipientId})`,
      ),
    );
  const windowStart = new Date(now.getTime() - PUSH_GROUP_WINDOW_MS).toISOString();
  for (const row of rows) {
    const groupKey = pushGroupKey(row.kind, row.postId);
    if (!groupKey || !pushKindOf(row.kind)) continue;
    const nowIso = now.toISOString();
    await db
      .insert(pushGroups)
      .values({ recipientId: row.recipientId, groupKey, dueAt: now })
      .onConflictDoUpdate({
        target: [pushGroups.recipientId, pushGroups.groupKey],
        set: {
          dueAt: sql`case
            when ${pushGroups.lastSentAt} is null or ${pushGroups.lastSentAt} <= ${windowStart}::timestamptz
              then least(coalesce(${pushGroups.dueAt}, ${nowIso}::timestamptz), ${nowIso}::timestamptz)
            else coalesce(${pushGroups.dueAt}, ${pushGroups.lastSentAt} + interval '${sql.raw(String(PUSH_GROUP_WINDOW_MS))} milliseconds')
          end`,
        },
      });
  }
}

type ClaimedGroup = { recipientId: string; groupKey: string; since: Date | null };

/** Takes the due groups (several servers never take the same one) and marks them sent now. */
async function claimDueGroups(db: Db, now: Date): Promise<ClaimedGroup[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        recipientId: pushGroups.recipientId,
        groupKey: pushGroups.groupKey,
        since: pushGroups.lastSentAt,
      })
      .from(pushGroups)
      .where(and(isNotNull(pushGroups.dueAt), lte(pushGroups.dueAt, now)))
      .orderBy(asc(pushGroups.dueAt))
      .limit(CLAIM_BATCH)
      .for("update", { skipLocked: true });
    for (const g of due) {
      await tx
        .update(pushGroups)
        .set({ dueAt: null, lastSentAt: now })
        .where(and(eq(pushGroups.recipientId, g.recipientId), eq(pushGroups.groupKey, g.groupKey)));
    }
    return due;
  });
}

/** The push a group stands for: its unread notifications since its last push, or null. */
async function payloadOf(
  db: Executor,
  storage: Pick<Storage, "publicUrl">,
  g: ClaimedGroup,
  now: Date,
): Promise<PushPayload | null> {
  const [kind = "", postId = null] = g.groupKey.split(":");
  const message = PUSH_MESSAGES[kind];
  if (!message) return null;
  const where = and(
    eq(notifications.recipientId, g.recipientId),
    sql`${notifications.kind} = ${kind}`,
    postId ? eq(notifications.postId, postId) : undefined,
    g.since ? gt(notifications.createdAt, g.since) : undefined,
    lte(notifications.createdAt, now),
    isNull(notifications.readAt),
  );
  const [newest] = await db
    .select({
      name: users.name,
      username: users.username,
      avatarKey: users.avatarKey,
      body: comments.body,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.actorId))
    .leftJoin(comments, eq(comments.id, notifications.commentId))
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(1);
  if (!newest) return null;
  const [counted] = await db
    .select({ people: countDistinct(notifications.actorId), rows: count() })
    .from(notifications)
    .where(where);
  const people = Number(counted?.people ?? 1);
  const facts = {
    actor: newest.username,
    actorUsername: newest.username,
    others: Math.max(0, people - 1),
    postId,
    excerpt: newest.body ? excerpt(newest.body) : null,
  };
  return {
    title: "Snapgram",
    body: message.body(facts),
    icon: avatarUrl(storage, newest.avatarKey) ?? FALLBACK_ICON,
    url: message.url(facts),
    tag: g.groupKey,
    count: Number(counted?.rows ?? 1),
  };
}

export type DrainResult = { sent: number; removed: number };

/** Sends every due group's push to the recipient's live devices; forgets those gone (404/410). */
export async function drainPushes(
  db: Db,
  sender: PushSender,
  storage: Pick<Storage, "publicUrl">,
  now = new Date(),
): Promise<DrainResult> {
  const result = { sent: 0, removed: 0 };
  for (;;) {
    const groups = await claimDueGroups(db, now);
    for (const g of groups) {
      const kind = g.groupKey.split(":")[0] ?? "";
      const key = pushKindOf(kind);
      if (!key || (await isPushKindMuted(db, g.recipientId, key))) continue;
      const payload = await payloadOf(db, storage, g, now);
      if (!payload) continue;
      const devices = await liveSubscriptions(db, g.recipientId, now);
      const body = JSON.stringify(payload);
      const gone: string[] = [];
      await Promise.all(
        devices.map(async (d) => {
          try {
            const status = await sender.send(d, body);
            if (status === 404 || status === 410) gone.push(d.id);
            else if (status >= 200 && status < 300) result.sent += 1;
            else console.error(`push service answered ${status}`);
          } catch (err) {
            console.error("sending a push failed", err);
          }
        }),
      );
      await deleteSubscriptionsById(db, gone);
      result.removed += gone.length;
    }
    if (groups.length < CLAIM_BATCH) return result;
  }
}

/** Deletes groups with nothing waiting whose last push is over a day old (maintenance). */
export async function forgetQuietGroups(db: Executor, now = new Date()) {
  const before = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const rows = await db
    .delete(pushGroups)
    .where(and(isNull(pushGroups.dueAt), lte(pushGroups.lastSentAt, before)))
    .returning({ key: pushGroups.groupKey });
  return rows.length;
}

/** When the next waiting group is due (a trailing push), or null. */
export async function nextPushDue(db: Executor, now = new Date()): Promise<Date | null> {
  const [row] = await db
    .select({ dueAt: pushGroups.dueAt })
    .from(pushGroups)
    .where(gt(pushGroups.dueAt, now))
    .orderBy(asc(pushGroups.dueAt))
    .limit(1);
  return row?.dueAt ?? null;
}
