import "server-only";
import type { Db } from "@/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { fieldErrorsOf } from "@/lib/users/validation";
import {
  deleteFollow,
  findActiveUser,
  insertFollow,
  readFollowerCount,
  shiftFollowCounts,
} from "./queries";
import { type SetFollowInput, setFollowSchema, USER_NOT_FOUND } from "./validation";

/**
 * Follows or unfollows an active account. Idempotent: the follow row and both counters move
 * only when a row was really inserted or deleted, in one transaction; answers the followee's
 * fresh follower count.
 */
export async function setFollow(
  db: Db,
  actorId: string,
  input: SetFollowInput | unknown,
  now = new Date(),
): Promise<Result<{ following: boolean; followerCount: number }>> {
  const parsed = setFollowSchema.safeParse(input);
  if (!parsed.success) {
    return fail("VALIDATION", "Check the highlighted fields.", fieldErrorsOf(parsed.error));
  }
  const { userId, follow } = parsed.data;
  if (userId === actorId) return fail("VALIDATION", "You can't follow yourself.");
  return db.transaction(async (tx) => {
    const target = await findActiveUser(tx, userId);
    if (!target) return fail("NOT_FOUND", USER_NOT_FOUND);
    const changed = follow
      ? await insertFollow(tx, actorId, userId, now)
      : await deleteFollow(tx, actorId, userId);
    const followerCount = changed
      ? await shiftFollowCounts(tx, actorId, userId, follow ? 1 : -1)
      : await readFollowerCount(tx, userId);
    return ok({ following: follow, followerCount });
  });
}
