import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { followRequests, users } from "@/db/schema";
import { pageParams } from "@/lib/pagination/page-params";
import type { Page, PersonView } from "@/lib/shared/post-views";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import { listPeopleOf, PEOPLE_PAGE } from "./people";

// The SQL of follow requests to private accounts (lib/follows/service-requests.ts writes them).

/**
 * An active account with what following it needs: its privacy and follower count. `keyShare`
 * holds FOR KEY SHARE until the transaction ends: a privacy change (FOR UPDATE) waits, counter
 * updates of other follows do not.
 */
export async function findFollowTarget(db: Executor, userId: string, keyShare = false) {
  const query = db
    .select({ id: users.id, isPrivate: users.isPrivate, followerCount: users.followerCount })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, "active")));
  const [row] = keyShare ? await query.for("key share") : await query;
  return row ?? null;
}

/** Inserts the request unless it exists; true only when a row was really written. */
export async function insertFollowRequest(
  tx: Executor,
  requesterId: string,
  targetId: string,
  now: Date,
) {
  const rows = await tx
    .insert(followRequests)
    .values({ requesterId, targetId, createdAt: now })
    .onConflictDoNothing()
    .returning({ targetId: followRequests.targetId });
  return rows.length > 0;
}

/** Deletes the request if it exists; true only when a row was really deleted. */
export async function deleteFollowRequest(tx: Executor, requesterId: string, targetId: string) {
  const rows = await tx
    .delete(followRequests)
    .where(and(eq(followRequests.requesterId, requesterId), eq(followRequests.targetId, targetId)))
    .returning({ targetId: followRequests.targetId });
  return rows.length > 0;
}

/** Every pending requester of `targetId`, oldest first, locked until the transaction ends. */
export async function lockPendingRequesters(tx: Executor, targetId: string) {
  const rows = await tx
    .select({ requesterId: followRequests.requesterId })
    .from(followRequests)
    .where(eq(followRequests.targetId, targetId))
    .orderBy(asc(followRequests.createdAt), asc(followRequests.requesterId))
    .for("update");
  return rows.map((r) => r.requesterId);
}

/** Sets the account's privacy; answers its previous value (null for no such account). */
export async function updatePrivacy(tx: Executor, userId: string, isPrivate: boolean, now: Date) {
  const [before] = await tx
    .select({ isPrivate: users.isPrivate })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!before) return null;
  await tx.update(users).set({ isPrivate, updatedAt: now }).where(eq(users.id, userId));
  return before.isPrivate;
}

/** Whether the account is private (false for a missing one). */
export async function isPrivateAccount(db: Executor, userId: string) {
  const [row] = await db
    .select({ isPrivate: users.isPrivate })
    .from(users)
    .where(eq(users.id, userId));
  return row?.isPrivate ?? false;
}

/** Pending requests to the owner from active accounts (the inbox's count and badge). */
export async function countFollowRequests(db: Executor, targetId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(followRequests)
    .innerJoin(users, eq(users.id, followRequests.requesterId))
    .where(and(eq(followRequests.targetId, targetId), eq(users.status, "active")));
  return row?.n ?? 0;
}

/**
 * The owner's requests inbox: active requesters, newest request first, keyset (created_at,
 * requester id) on follow_requests_target_created_idx; null when the cursor is malformed.
 */
export async function listFollowRequests(
  db: Executor,
  params: { userId: string; cursor?: string | null; limit?: number },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Page<PersonView> | null> {
  const page = pageParams(params, PEOPLE_PAGE);
  if (!page) return null;
  const edge = {
    table: followRequests,
    createdAt: followRequests.createdAt,
    personId: followRequests.requesterId,
    where: eq(followRequests.targetId, params.userId),
  };
  return listPeopleOf(db, edge, page, params.userId, storage);
}
