import "server-only";
import { after } from "next/server";
import type { Executor } from "@/db/client";
import { getDb } from "@/lib/db";
import {
  getPublisher,
  publishNotification,
  publishNotificationRemoved,
  publishNotificationsRead,
} from "@/lib/realtime";
import { unreadCount } from "./queries";
import type { Notified } from "./types";

// Live badges: after a write that created notifications committed, each recipient's open pages
// hear `notification.created` with their fresh unread count. A courtesy on top of the write:
// it runs after the response (next/server `after`) and never fails the action.

/** Publishes one `notification.created` per notification; logs and swallows any failure. */
export async function publishNotified(db: Executor, notified: readonly Notified[]) {
  if (notified.length === 0) return;
  try {
    const publisher = getPublisher();
    await Promise.all(
      notified.map(async (n) =>
        publishNotification(publisher, n.recipientId, {
          id: n.id,
          unreadCount: await unreadCount(db, n.recipientId),
        }),
      ),
    );
  } catch (err) {
    console.error("publishing notifications failed", err);
  }
}

/** Publishes `notification.removed` with the fresh unread count to each recipient; never throws. */
export async function publishUnnotified(db: Executor, recipientIds: readonly string[]) {
  if (recipientIds.length === 0) return;
  try {
    const publisher = getPublisher();
    await Promise.all(
      recipientIds.map(async (recipientId) =>
        publishNotificationRemoved(publisher, recipientId, {
          unreadCount: await unreadCount(db, recipientId),
        }),
      ),
    );
  } catch (err) {
    console.error("publishing removed notifications failed", err);
  }
}

/**
 * For actions: once the response is sent, publishes the notifications a committed write created,
 * and the fresh count to those who lost one (an unlike or unfollow takes its notification back).
 */
export function publishNotifiedAfterResponse(
  notified: readonly Notified[],
  unnotified: readonly string[] = [],
) {
  if (notified.length === 0 && unnotified.length === 0) return;
  after(async () => {
    await publishNotified(getDb(), notified);
    await publishUnnotified(getDb(), unnotified);
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
