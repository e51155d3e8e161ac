import "server-only";
import type { Db, Executor } from "@/db/client";
import type { Cdn } from "@/lib/cdn/types";
import {
  queueAccountMedia,
  queueErasedPostsMedia,
  queueObjectDeletion,
  settleMedia,
} from "@/lib/media/jobs";
import type { Storage } from "@/lib/storage/types";
import {
  deleteAccountRow,
  eraseCommentLikes,
  eraseComments,
  eraseDataExports,
  eraseFollowers,
  eraseFollowing,
  eraseLikes,
  erasePosts,
  eraseThreadReplies,
  eraseUploadSlots,
  findDueAccounts,
  lockDueAccount,
  somePostIds,
} from "./erase-queries";

// Erasing for good, by the maintenance pass, an account deleted more than ACCOUNT_RESTORE_DAYS
// ago. It runs in bounded batches, each its own short transaction that deletes at most
// `batchSize` rows and corrects every counter they drove (posts' like_count and comment_count,
// other accounts' follower_count and following_count, hashtags' post_count), so a big account
// never holds one long transaction, and an erase cut short anywhere resumes at the next pass
// with every counter already exact. The account row goes last; its photos, avatar and pending
// uploads are queued for deletion in the batches that delete their rows (lib/media/jobs.ts).

export type EraseOptions = {
  /** rows per batch (posts: a tenth of it, as each has photos and tags) */
  batchSize?: number;
  /** batches this pass may run in all; the rest waits for the next pass */
  maxBatches?: number;
};

export type EraseReport = { erased: number; batches: number };

type Step = (tx: Executor, userId: string, limit: number, now: Date) => Promise<number>;

/** What one batch does, in order: each step runs until it finds nothing left. */
const STEPS: Step[] = [
  (tx, userId, limit) => eraseLikes(tx, userId, limit),
  (tx, userId, limit) => eraseCommentLikes(tx, userId, limit),
  (tx, userId, limit) => eraseThreadReplies(tx, userId, limit),
  (tx, userId, limit) => eraseComments(tx, userId, limit),
  (tx, userId, limit) => eraseFollowing(tx, userId, limit),
  (tx, userId, limit) => eraseFollowers(tx, userId, limit),
  async (tx, userId, limit, now) => {
    const postIds = await somePostIds(tx, userId, Math.max(1, Math.floor(limit / 10)));
    // Before the rows go: the photos' keys are read from post_media.
    await queueErasedPostsMedia(tx, postIds, now);
    return erasePosts(tx, postIds);
  },
  async (tx, userId, limit, now) => {
    const keys = await eraseUploadSlots(tx, userId, limit);
    await queueObjectDeletion(tx, keys, now);
    return keys.length;
  },
  // Its data exports' archives (exports/<userId>/...), deleted from storage like the uploads
  // (an archive not built yet has no object: deleting a missing key is a no-op).
  async (tx, userId, limit, now) => {
    const keys = await eraseDataExports(tx, userId, limit);
    await queueObjectDeletion(tx, keys, now);
    return keys.length;
  },
  async (tx, userId, _limit, now) => {
    // The avatar's job runs after commit, finds no account and deletes every copy.
    await queueAccountMedia(tx, userId, now);
    return (await deleteAccountRow(tx, userId)) ? 1 : 0;
  },
];

const LAST = STEPS[STEPS.length - 1];

/** One batch of `step` on `userId` in its own transaction: rows done, or null when not due. */
async function runBatch(db: Db, userId: string, step: Step, limit: number, now: Date) {
  return db.transaction(async (tx) => {
    if (!(await lockDueAccount(tx, userId, now))) return null;
    return step(tx, userId, limit, now);
  });
}

/**
 * Erases the accounts whose restore window has closed, within this pass's batch budget, then
 * carries out the photo deletions they queued (maintenance retries what fails). Answers how many
 * accounts are now gone and how many batches ran.
 */
export async function eraseDueAccounts(
  db: Db,
  storage: Storage,
  cdn: Cdn,
  now = new Date(),
  options: EraseOptions = {},
): Promise<EraseReport> {
  const batchSize = options.batchSize ?? 500;
  let budget = options.maxBatches ?? 400;
  let erased = 0;
  let batches = 0;
  const due = await findDueAccounts(db, now, 20);
  accounts: for (const userId of due) {
    for (const step of STEPS) {
      for (;;) {
        if (budget <= 0) break accounts;
        budget -= 1;
        batches += 1;
        const done = await runBatch(db, userId, step, batchSize, now);
        // Restored, or erased by another server meanwhile: nothing more to do for it.
        if (done === null) continue accounts;
        if (step === LAST) {
          if (done > 0) erased += 1;
          break;
        }
        if (done === 0) break;
      }
    }
  }
  if (batches > 0) await settleMedia(db, storage, cdn);
  return { erased, batches };
}
