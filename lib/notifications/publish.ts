import "server-only";
import { after } from "next/server";
import type { Executor } from "@/db/client";
import { getDb } from "@/lib/db";
import { getPublisher, publishNotification, publishNotificationsRead } from "@/lib/realtime";
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

/** For actions: publishes the notifications a committed write created, once the response is sent. */
export function publishNotifiedAfterResponse(notified: readonly Notified[]) {
  if (notified.length === 0) return;
  after(() => publishNotified(getDb(), notified));
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
