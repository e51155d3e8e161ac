import "server-only";
import { getDb } from "@/lib/db";
import { getStorage } from "@/lib/storage";
import { drainPushes, enqueuePushes, nextPushDue } from "./deliver";
import { getPushSender } from "./sender";

// Runs after a write committed (lib/notifications/publish.ts calls it inside next/server's
// `after`): queues the new notifications' pushes, sends what is due, and keeps one timer in
// this process for the next trailing (grouped) push. The maintenance pass drains too, so a
// server that stops before its timer fires (or a serverless host) still sends them, later.

let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Number.POSITIVE_INFINITY;

async function drainNow() {
  const sender = getPushSender();
  if (!sender) return;
  await drainPushes(getDb(), sender, getStorage());
  await armTimer();
}

async function armTimer() {
  const due = await nextPushDue(getDb());
  if (!due || due.getTime() >= timerAt) return;
  if (timer) clearTimeout(timer);
  timerAt = due.getTime();
  timer = setTimeout(
    () => {
      timer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
      drainNow().catch((err: unknown) => console.error("sending grouped pushes failed", err));
    },
    Math.max(0, timerAt - Date.now()) + 50,
  );
  timer.unref?.();
}

/** Queues and sends the pushes of notifications a committed write created; never throws. */
export async function pushNotified(notificationIds: readonly string[]) {
  if (notificationIds.length === 0 || !getPushSender()) return;
  try {
    await enqueuePushes(getDb(), notificationIds);
    await drainNow();
  } catch (err) {
    console.error("web push failed", err);
  }
}
