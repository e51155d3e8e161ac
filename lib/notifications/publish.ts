import "server-only";
import { after } from "next/server";
import type { Executor } from "@/db/client";
import { getDb } from "@/lib/db";
import { pushNotified } from "@/lib/push/schedule";
import {
  getPublisher,
  type Publisher,
  publishNotification,
  publishNotificationRemoved,
  publishNotificationsRead,
} from "@/lib/realtime";
import { unreadCount } from "./queries";
import type { Notified } from "./types";

// Live badges: after a write that created notifications committed, each recipient's open pages
// hear `notification.created` with their fresh unread count. A courtesy on top of the write:
// it runs after the response (next/server `after`) and never fails the action.

/**
 * Sends each recipient one event carrying their fresh unread count (`send`); logs and swallows
 * any failure.
 */
async function publishCounts<T>(
  db: Executor,
  items: readonly T[],
  recipientOf: (item: T) => string,
  send: (publisher: Publisher, item: T, unreadCount: number) => Promise<void>,
) {
  if (items.length === 0) return;
  try {
    const publisher = getPublisher();
    await Promise.all(
      items.map(async (item) => send(publisher, item, await unreadCount(db, recipientOf(item)))),
    );
  } catch (err) {
    console.error("publishing notification counts failed", err);
  }
}

/** One `notification.created` per notification a committed write created. */
export function publishNotified(db: Executor, notified: readonly Notified[]) {
  return publishCounts(
    db,
    notified,
    (n) => n.recipientId,
    (publisher, n, count) =>
      publishNotification(publisher, n.recipientId, { id: n.id, unreadCount: count }),
  );
}

/** `notification.removed` to each recipient who lost one (an unlike, an unfollow). */
export function publishUnnotified(db: Executor, recipientIds: readonly string[]) {
  return publishCounts(
    db,
    recipientIds,
    (id) => id,
    (publisher, id, count) => publishNotificationRemoved(publisher, id, { unreadCount: count }),
  );
}

/**
 * For actions: once the response is sent, publishes the notifications a committed write created,
 * and the fresh count to those who lost one (an unlike or unfollow takes its notification back),
 * then sends their web pushes (grouped, see lib/push/deliver.ts).
 */
export function publishNotifiedAfterResponse(
  notified: readonly Notified[],
  unnotified: readonly string[] = [],
) {
  if (notified.length === 0 && unnotified.length === 0) return;
  after(async () => {
    await publishNotified(getDb(), notified);
    await publishUnnotified(getDb(), unnotified);
    await pushNotified(notified.map((n) => n.id));
  });
}

/** For actions: tells the user's other tabs and devices that everything was read. */
export function publishReadAfterResponse(userId: string) {
  after(async () => {
    try {
      await publishNotificationsRead(getPublisher(), userId, { unreadCount: 0 });
    } catch (err) {
      console.error("publishing notifications.read failed", err);
    }
  });
}
