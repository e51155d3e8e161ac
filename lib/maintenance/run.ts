import "server-only";
import type { Db } from "@/db/client";
import { eraseDueAccounts } from "@/lib/account-deletion/erase";
import { deleteEndedSessions } from "@/lib/auth/session-queries";
import { type Cdn, noCdn } from "@/lib/cdn/types";
import { expireDataExports, runDataExports } from "@/lib/data-export/service";
import { refreshWhenStale } from "@/lib/discover/service";
import type { Mailer } from "@/lib/email/types";
import { runMediaJobs } from "@/lib/media/jobs";
import { sweepExpiredSlots } from "@/lib/posts/service-uploads";
import { drainPushes, forgetQuietGroups } from "@/lib/push/deliver";
import { getPushSender } from "@/lib/push/sender";
import type { Storage } from "@/lib/storage/types";

/**
 * One maintenance pass: Discover's rankings rebuilt when stale (so new posts reach Explore and
 * trending tags without a visitor paying for the rebuild, and even with no visitors), and
 * upload slots abandoned over an hour ago deleted with their originals, whoever left them, and
 * photo moves that failed after a removal or suspension retried (evidence expired, deleted).
 * Sign-in sessions that ended (revoked or expired) over a week ago are deleted too, and so are
 * data-export archives whose week is over; accounts their owners deleted over 30 days ago are
 * erased, in bounded batches (lib/account-deletion); grouped web pushes whose window ended while
 * no server timer ran (lib/push/schedule.ts) are sent, and push groups quiet for a day forgotten.
 * With `exports` (a mailer and the app's URL), pending data exports are built too (a build lost after its request; on AWS a cron of its own does it).
 * Safe on several servers at once: rebuilds and media jobs take advisory locks, deletes are by row.
 */
export async function runMaintenance(
  db: Db,
  storage: Storage,
  now = new Date(),
  cdn: Cdn = noCdn,
  exports?: { mailer: Mailer; appUrl: string },
): Promise<{
  sweptUploads: number;
  mediaJobs: number;
  sweptSessions: number;
  erasedAccounts: number;
  expiredExports: number;
  builtExports: number;
}> {
  await refreshWhenStale(db, "explore", now);
  await refreshWhenStale(db, "trending", now);
  const sweptUploads = await sweepExpiredSlots(db, storage, null, now);
  // Before the media jobs: the erase queues its photos' deletions for them.
  const erase = await eraseDueAccounts(db, storage, cdn, now);
  const media = await runMediaJobs(db, storage, cdn, now);
  const sweptSessions = await deleteEndedSessions(db, now);
  const pushSender = getPushSender();
  if (pushSender) await drainPushes(db, pushSender, storage, now);
  await forgetQuietGroups(db, now);
  const expiredExports = await expireDataExports(db, storage, now);
  const built = exports
    ? await runDataExports(db, storage, exports.mailer, { appUrl: exports.appUrl, now })
    : { done: 0 };
  return {
    sweptUploads,
    mediaJobs: media.done,
    sweptSessions,
    erasedAccounts: erase.erased,
    expiredExports,
    builtExports: built.done,
  };
}
