import "server-only";
import type { Db } from "@/db/client";
import type { SetFollowInput } from "@/lib/follows/validation";
import { notifyFollow, notifyFollowRequest, unnotifyFollow } from "@/lib/notifications/service";
import type { Notified, WithNotified } from "@/lib/notifications/types";
import { fail, ok, type Result } from "@/lib/result";
import { isBlockedBetween } from "@/lib/shared/blocks";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import {
  deleteFollow,
  insertFollow,
  isFollowing,
  readFollowerCount,
  shiftFollowCounts,
} from "./queries";
import { findFollowTarget, insertFollowRequest } from "./queries-requests";
import { cancelFollowRequest } from "./service-requests";

type FollowResult = Result<{ following: boolean; requested: boolean; followerCount: number }>;

/**
 * Follows or unfollows an active account. Idempotent: the follow row and both counters move
 * only when a row was really inserted or deleted, in one transaction, with the followee's "started
 * following you" notification written (or, on unfollow, taken back); answers the followee's fresh
 * follower count and the notifications to publish after commit.
 * A private account is not followed but asked (a follow request, "requested": true, with the
 * owner's "asked to follow you" notification); follow: false also cancels a pending request.
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
    // KEY SHARE: going public (FOR UPDATE of this row) waits, so no request is left behind.
    const target = await findFollowTarget(tx, userId, true);
    if (!target) return { result: fail("NOT_FOUND", USER_NOT_FOUND), notified: [] };
    // Across a block the account does not exist for a follow (an unfollow is harmless).
    if (follow && (await isBlockedBetween(tx, actorId, userId))) {
      return { result: fail("NOT_FOUND", USER_NOT_FOUND), notified: [] };
    }
    const cancelled = follow ? [] : await cancelFollowRequest(tx, actorId, userId);
    if (follow && target.isPrivate && !(await isFollowing(tx, actorId, userId))) {
      const asked = await insertFollowRequest(tx, actorId, userId, now);
      const notified = asked
        ? await notifyFollowRequest(tx, { actorId, targetId: userId, now })
        : [];
      const data = { following: false, requested: true, followerCount: target.followerCount };
      return { result: ok(data), notified };
    }
    const changed = follow
      ? await insertFollow(tx, actorId, userId, now)
      : await deleteFollow(tx, actorId, userId);
    let notified: Notified[] = [];
    if (changed && follow) notified = await notifyFollow(tx, { actorId, followeeId: userId, now });
    const unnotified =
      changed && !follow ? await unnotifyFollow(tx, { actorId, followeeId: userId }) : [];
    unnotified.push(...cancelled);
    const followerCount = changed
      ? await shiftFollowCounts(tx, actorId, userId, follow ? 1 : -1)
      : await readFollowerCount(tx, userId);
    return {
      result: ok({ following: follow, requested: false, followerCount }),
      notified,
      unnotified,
    };
  });
}
