import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { queueAccountMedia } from "@/lib/media/jobs";

// A deleted account (users.status "deleted", lib/account-deletion/) is hidden everywhere like a
// suspended one. Signing in with its password within ACCOUNT_RESTORE_DAYS of deleted_at gives it
// back; after that the maintenance pass erases it for good and the sign-in is refused.

/** How long a deleted account can still be restored by signing in. */
export const ACCOUNT_RESTORE_DAYS = 30;
const DAY_MS = 86_400_000;

/** The moment before which a deletion can no longer be undone (deleted_at older: erase it). */
export const restoreCutoff = (now: Date) => new Date(now.getTime() - ACCOUNT_RESTORE_DAYS * DAY_MS);

/** Whether an account deleted at `deletedAt` can still be restored at `now`. */
export function canRestore(deletedAt: Date | null, now = new Date()): boolean {
  return deletedAt !== null && deletedAt.getTime() > restoreCutoff(now).getTime();
}

/**
 * Gives a deleted account back (called after its password was checked): active again, its
 * photos queued to return to the public folders. False when it is not restorable (any more).
 * The status check in the WHERE clause keeps this and the erase (which locks the row and only
 * starts after the cutoff) from both happening.
 */
export async function restoreDeletedAccount(db: Db, userId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ status: "active", deletedAt: null, updatedAt: now })
      .where(
        and(
          eq(users.id, userId),
          eq(users.status, "deleted"),
          gt(users.deletedAt, sql`${restoreCutoff(now).toISOString()}::timestamptz`),
        ),
      )
      .returning({ id: users.id });
    if (!row) return false;
    await queueAccountMedia(tx, userId, now);
    return true;
  });
}
