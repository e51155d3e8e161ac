import "server-only";
import type { Db, Executor } from "@/db/client";
import type { FollowRequestInput, SetPrivateAccountInput } from "@/lib/follows/validation";
import { notifyFollowAccepted, unnotifyFollowRequest } from "@/lib/notifications/service";
import type { WithNotified } from "@/lib/notifications/types";
import { fail, ok, type Result } from "@/lib/result";
import { insertFollow, readFollowerCount, shiftFollowCounts } from "./queries";
import { deleteFollowRequest, lockPendingRequesters, updatePrivacy } from "./queries-requests";

// The owner's side of follow requests: approve, delete, and the privacy switch (going public
// approves every pending request). Each is one transaction; counters move with the rows.

export const REQUEST_NOT_FOUND = "This follow request doesn't exist any more.";

/** Deletes the requester's pending request to `targetId` and its notification; who lost one. */
export async function cancelFollowRequest(
  tx: Executor,
  requesterId: string,
  targetId: string,
): Promise<string[]> {
  if (!(await deleteFollowRequest(tx, requesterId, targetId))) return [];
  return unnotifyFollowRequest(tx, { actorId: requesterId, targetId });
}

/** The request becomes a follow: the row and both counters, exact; the fresh follower count. */
async function admit(tx: Executor, requesterId: string, ownerId: string, now: Date) {
  const inserted = await insertFollow(tx, requesterId, ownerId, now);
  return inserted ? shiftFollowCounts(tx, requesterId, ownerId, 1) : readFollowerCount(tx, ownerId);
}

type RequestAnswer = WithNotified<Result<{ followerCount: number }>>;

/**
 * The owner approves `userId`'s pending request: it becomes a follow (counters exact), its
 * notification goes and the requester is told ("accepted your follow request"), in one transaction. NOT_FOUND when there is no such request to the owner.
 */
export async function approveFollowRequest(
  db: Db,
  ownerId: string,
  input: FollowRequestInput,
  now = new Date(),
): Promise<RequestAnswer> {
  if (input.userId === ownerId) {
    return { result: fail("VALIDATION", "You can't follow yourself."), notified: [] };
  }
  return db.transaction(async (tx) => {
    if (!(await deleteFollowRequest(tx, input.userId, ownerId))) {
      return { result: fail("NOT_FOUND", REQUEST_NOT_FOUND), notified: [] };
    }
    const unnotified = await unnotifyFollowRequest(tx, {
      actorId: input.userId,
      targetId: ownerId,
    });
    const followerCount = await admit(tx, input.userId, ownerId, now);
    const notified = await notifyFollowAccepted(tx, {
      actorId: ownerId,
      requesterId: input.userId,
      now,
    });
    return { result: ok({ followerCount }), notified, unnotified };
  });
}

/** The owner deletes `userId`'s pending request (the requester is not told). */
export async function deleteFollowRequestOf(
  db: Db,
  ownerId: string,
  input: FollowRequestInput,
): Promise<RequestAnswer> {
  return db.transaction(async (tx) => {
    const deleted = await deleteFollowRequest(tx, input.userId, ownerId);
    if (!deleted) return { result: fail("NOT_FOUND", REQUEST_NOT_FOUND), notified: [] };
    const unnotified = await unnotifyFollowRequest(tx, {
      actorId: input.userId,
      targetId: ownerId,
    });
    return {
      result: ok({ followerCount: await readFollowerCount(tx, ownerId) }),
      notified: [],
      unnotified,
    };
  });
}

/**
 * Turns the account private or public. Going public approves every pending request (each one a
 * follow, counters exact) in the same transaction; answers how many were approved.
 */
export async function setPrivateAccount(
  db: Db,
  userId: string,
  input: SetPrivateAccountInput,
  now = new Date(),
): Promise<WithNotified<Result<{ isPrivate: boolean; approved: number }>>> {
  return db.transaction(async (tx) => {
    const before = await updatePrivacy(tx, userId, input.isPrivate, now);
    if (before === null) {
      return { result: fail("UNAUTHENTICATED", "Sign in to continue."), notified: [] };
    }
    let approved = 0;
    const unnotified = new Set<string>();
    if (!input.isPrivate) {
      for (const requesterId of await lockPendingRequesters(tx, userId)) {
        for (const id of await cancelFollowRequest(tx, requesterId, userId)) unnotified.add(id);
        await admit(tx, requesterId, userId, now);
        approved += 1;
      }
    }
    return {
      result: ok({ isPrivate: input.isPrivate, approved }),
      notified: [],
      unnotified: [...unnotified],
    };
  });
}
