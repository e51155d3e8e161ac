import "server-only";
import type { Db } from "@/db/client";
import type { SetFollowInput } from "@/lib/follows/validation";
import { notifyFollow, unnotifyFollow } from "@/lib/notifications/service";
import type { Notified, WithNotified } from "@/lib/notifications/types";
import { fail, ok, type Result } from "@/lib/result";
import { isBlockedBetween } from "@/lib/shared/blocks";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import {
  deleteFollow,
  findActiveUser,
  insertFollow,
  readFollowerCount,
  shiftFollowCounts,
} from "./queries";

type FollowResult = Result<{ following: boolean; followerCount: number }>;

/**
 * Follows or unfollows an active account. Idempotent: the follow row and both counters move
 * only when a row was really inserted or deleted, in one transaction, with the followee's "started
 * following you" notification written (or, on unfollow, taken back); answers the followee's fresh
 * follower count and the notifications to publish after commit.
 */
export async function setFollow(
  db: Db,
  actorId: string,
  input: SetFollowInput,
  now = new Date(),
): Promise<WithNotified<FollowResult>> {
  const { userId, follow } = input;
  if (userId === actorId) {
    return { result: fail("VALIDATION", "You can't follow yourself."), notified: [] };
  }
  return db.transaction(async (tx) => {
    const target = await findActiveUser(tx, userId);
    if (!target) return { result: fail("NOT_FOUND", USER_NOT_FOUND), notified: [] };
    // Across a block the account does not exist for a follow (an unfollow is harmless).
    if (follow && (await isBlockedBetween(tx, actorId, userId))) {
      return { result: fail("NOT_FOUND", USER_NOT_FOUND), notified: [] };
    }
    const changed = follow
      ? await insertFollow(tx, actorId, userId, now)
      : await deleteFollow(tx, actorId, userId);
    let notified: Notified[] = [];
    if (changed && follow) notified = await notifyFollow(tx, { actorId, followeeId: userId, now });
    const unnotified =
      changed && !follow ? await unnotifyFollow(tx, { actorId, followeeId: userId }) : [];
    const followerCount = changed
      ? await shiftFollowCounts(tx, actorId, userId, follow ? 1 : -1)
      : await readFollowerCount(tx, userId);
    return { result: ok({ following: follow, followerCount }), notified, unnotified };
  });
}
