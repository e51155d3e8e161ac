import "server-only";
import type { Db } from "@/db/client";
import { deleteFollow, shiftFollowCounts } from "@/lib/follows/queries";
import { deleteFollowRequest } from "@/lib/follows/queries-requests";
import type { WithNotified } from "@/lib/notifications/types";
import { fail, ok, type Result } from "@/lib/result";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import {
  deleteBlock,
  deleteCommentsOnPostsOf,
  deleteLikesOnPostsOf,
  deleteMute,
  deleteNotificationsBetween,
  findAccount,
  insertBlock,
  lockPair,
  upsertMute,
} from "./queries";
import type { SetBlockInput, SetMuteInput } from "./validation";

type BlockResult = Result<{ blocked: boolean }>;

/**
 * Blocks or unblocks an account. A new block, in one transaction: the follows both ways go (each
 * counter moves only for a follow really deleted), the blocked account's likes and visible
 * comments on the blocker's posts are deleted with like_count and comment_count moved by what was
 * deleted (as on Instagram: they are removed, and unblocking does not bring them back), every
 * notification either caused the other goes, and so does the blocker's mute of them. Idempotent:
 * blocking twice changes nothing the second time. Unblocking only deletes the block.
 */
export async function setBlock(
  db: Db,
  actorId: string,
  input: SetBlockInput,
  now = new Date(),
): Promise<WithNotified<BlockResult>> {
  const { userId, blocked } = input;
  if (userId === actorId) {
    return { result: fail("VALIDATION", "You can't block yourself."), notified: [] };
  }
  return db.transaction(async (tx) => {
    if (!(await findAccount(tx, userId))) {
      return { result: fail("NOT_FOUND", USER_NOT_FOUND), notified: [] };
    }
    if (!blocked) {
      await deleteBlock(tx, actorId, userId);
      return { result: ok({ blocked: false }), notified: [] };
    }
    await lockPair(tx, actorId, userId);
    if (!(await insertBlock(tx, actorId, userId, now))) {
      return { result: ok({ blocked: true }), notified: [] };
    }
    if (await deleteFollow(tx, actorId, userId)) await shiftFollowCounts(tx, actorId, userId, -1);
    if (await deleteFollow(tx, userId, actorId)) await shiftFollowCounts(tx, userId, actorId, -1);
    // A pending request to follow a private account goes too, either way.
    await deleteFollowRequest(tx, actorId, userId);
    await deleteFollowRequest(tx, userId, actorId);
    await deleteLikesOnPostsOf(tx, userId, actorId);
    await deleteCommentsOnPostsOf(tx, userId, actorId);
    await deleteMute(tx, actorId, userId);
    const unnotified = await deleteNotificationsBetween(tx, actorId, userId);
    return { result: ok({ blocked: true }), notified: [], unnotified };
  });
}

type MuteResult = Result<{ posts: boolean; comments: boolean }>;

/**
 * Mutes (posts and/or comments) or unmutes (both false) an account, silently: no notification,
 * no unfollow. Idempotent; answers what is muted now.
 */
export async function setMute(
  db: Db,
  actorId: string,
  input: SetMuteInput,
  now = new Date(),
): Promise<MuteResult> {
  const { userId, posts, comments } = input;
  if (userId === actorId) return fail("VALIDATION", "You can't mute yourself.");
  return db.transaction(async (tx) => {
    if (!(await findAccount(tx, userId))) return fail("NOT_FOUND", USER_NOT_FOUND);
    await upsertMute(tx, actorId, userId, { posts, comments }, now);
    return ok({ posts, comments });
  });
}
