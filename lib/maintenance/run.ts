import "server-only";
import type { Db } from "@/db/client";
import { refreshWhenStale } from "@/lib/discover/refresh";
import { sweepExpiredSlots } from "@/lib/posts/uploads";
import type { Storage } from "@/lib/storage/types";
import { deleteEndedSessions } from "@/lib/users/session-queries";

/**
 * One maintenance pass: Discover's rankings rebuilt when stale (so new posts reach Explore and
 * trending tags without a visitor paying for the rebuild, and even with no visitors), and
 * upload slots abandoned over an hour ago deleted with their originals, whoever left them.
 * Sign-in sessions that ended (revoked or expired) over a week ago are deleted too.
 * Safe on several servers at once: rebuilds take an advisory lock, deletes are by row.
 */
export async function runMaintenance(
  db: Db,
  storage: Storage,
  now = new Date(),
): Promise<{ sweptUploads: number; sweptSessions: number }> {
  await refreshWhenStale(db, "explore", now);
  await refreshWhenStale(db, "trending", now);
  const sweptUploads = await sweepExpiredSlots(db, storage, null, now);
  const sweptSessions = await deleteEndedSessions(db, now);
  return { sweptUploads, sweptSessions };
}
