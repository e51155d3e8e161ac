import "server-only";
import type { Db } from "@/db/client";
import { eraseDueAccounts } from "@/lib/account-deletion/erase";
import { deleteEndedSessions } from "@/lib/auth/session-queries";
import { type Cdn, noCdn } from "@/lib/cdn/types";
import { refreshWhenStale } from "@/lib/discover/service";
import { runMediaJobs } from "@/lib/media/jobs";
import { sweepExpiredSlots } from "@/lib/posts/service-uploads";
import type { Storage } from "@/lib/storage/types";

/**
 * One maintenance pass: Discover's rankings rebuilt when stale (so new posts reach Explore and
 * trending tags without a visitor paying for the rebuild, and even with no visitors), and
 * upload slots abandoned over an hour ago deleted with their originals, whoever left them, and
 * photo moves that failed after a removal or suspension retried (evidence expired, deleted).
 * Sign-in sessions that ended (revoked or expired) over a week ago are deleted too, and accounts
 * deleted by their owners over 30 days ago are erased, in bounded batches (lib/account-deletion).
 * Safe on several servers at once: rebuilds and media jobs take advisory locks, deletes are by row.
 */
export async function runMaintenance(
  db: Db,
  storage: Storage,
  now = new Date(),
  cdn: Cdn = noCdn,
): Promise<{
  sweptUploads: number;
  mediaJobs: number;
  sweptSessions: number;
  erasedAccounts: number;
}> {
  await refreshWhenStale(db, "explore", now);
  await refreshWhenStale(db, "trending", now);
  const sweptUploads = await sweepExpiredSlots(db, storage, null, now);
  // Before the media jobs: the erase queues its photos' deletions for them.
  const erase = await eraseDueAccounts(db, storage, cdn, now);
  const media = await runMediaJobs(db, storage, cdn, now);
  const sweptSessions = await deleteEndedSessions(db, now);
  return { sweptUploads, mediaJobs: media.done, sweptSessions, erasedAccounts: erase.erased };
}
