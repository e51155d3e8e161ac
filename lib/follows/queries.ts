import "server-only";
import { type AnyColumn, and, desc, eq, isNotNull, ne, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { follows, users } from "@/db/schema";
import { pageLimit, pageParams } from "@/lib/pagination/page-params";
import { notBlockedBetween } from "@/lib/shared/blocks";
import { personColumns, toPersonView, viewerRequestedColumn } from "@/lib/shared/people";
import type { Page, PersonView } from "@/lib/shared/post-views";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import { listPeopleOf, PEOPLE_PAGE } from "./people";

// All SQL of the social graph. Functions take (db, params) so they run in or out of a transaction.

/** An active account by id, with its follower count; null when missing or suspended. */
export async function findActiveUser(db: Executor, userId: string) {
  const [row] = await db
    .select({ id: users.id, followerCount: users.followerCount })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, "active")));
  return row ?? null;
}

export async function isFollowing(db: Executor, followerId: string, followeeId: string) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(follows)
    .where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId)));
  return Boolean(row);
}

/** Inserts the follow unless it exists; true only when a row was really written. */
export async function insertFollow(
  tx: Executor,
  followerId: string,
  followeeId: string,
  now: Date,
) {
  const rows = await tx
    .insert(follows)
    .values({ followerId, followeeId, createdAt: now })
    .onConflictDoNothing()
    .returning({ followeeId: follows.followeeId });
  return rows.length > 0;
}

/** Deletes the follow if it exists; true only when a row was really deleted. */
export async function deleteFollow(tx: Executor, followerId: string, followeeId: string) {
  const rows = await tx
    .delete(follows)
    .where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId)))
    .returning({ followeeId: follows.followeeId });
  return rows.length > 0;
}

/**
 * Moves following_count of the follower and follower_count of the followee by `delta`. The two
 * rows are updated in id order, so "A follows B" racing "B follows A" cannot deadlock.
 * Returns the followee's fresh follower count.
 */
export async function shiftFollowCounts(
  tx: Executor,
  followerId: string,
  followeeId: string,
  delta: 1 | -1,
): Promise<number> {
  const move = (column: AnyColumn) =>
    delta > 0 ? sql`${column} + 1` : sql`greatest(${column} - 1, 0)`;
  let followerCount = 0;
  for (const id of [followerId, followeeId].sort()) {
    if (id === followerId) {
      await tx
        .update(users)
        .set({ followingCount: move(users.followingCount) })
        .where(eq(users.id, id));
    } else {
      const [row] = await tx
        .update(users)
        .set({ followerCount: move(users.followerCount) })
        .where(eq(users.id, id))
        .returning({ followerCount: users.followerCount });
      followerCount = row?.followerCount ?? 0;
    }
  }
  return followerCount;
}

export async function readFollowerCount(db: Executor, userId: string) {
  const [row] = await db
    .select({ followerCount: users.followerCount })
    .from(users)
    .where(eq(users.id, userId));
  return row?.followerCount ?? 0;
}

type ListParams = {
  userId: string;
  viewerId: string | null;
  cursor?: string | null;
  limit?: number;
};

/** A people list of `userId`'s follows, newest follow first; null when the cursor is malformed. */
const followList =
  (direction: "followers" | "following") =>
  async (
    db: Executor,
    params: ListParams,
    storage: Pick<Storage, "publicUrl"> = getStorage(),
  ): Promise<Page<PersonView> | null> => {
    const page = pageParams(params, PEOPLE_PAGE);
    if (!page) return null;
    // Keyset (created_at, other person's id): the index on (followee|follower, created_at desc, ...).
    const mine = direction === "followers" ? follows.followeeId : follows.followerId;
    const other = direction === "followers" ? follows.followerId : follows.followeeId;
    const edge = { table: follows, createdAt: follows.createdAt, personId: other };
    return listPeopleOf(
      db,
      { ...edge, where: eq(mine, params.userId) },
      page,
      params.viewerId,
      storage,
    );
  };

/** Who follows `userId`, newest follow first; null when the cursor is malformed. */
export const listFollowers = followList("followers");

/** Whom `userId` follows, newest follow first; null when the cursor is malformed. */
export const listFollowing = followList("following");

// "users"."id" by hand: drizzle may leave a column bare inside a correlated subquery.
const notFollowedBy = (viewerId: string) =>
  sql`not exists (select 1 from follows mine where mine.follower_id = ${viewerId} and mine.followee_id = "users"."id")`;

/**
 * People to follow: active accounts the viewer does not follow yet (nor blocked either way). Friends of friends come
 * first (most mutual follows first, "Followed by ana + 2 more"), then the most-followed
 * ("Popular on Snapgram"). Two queries at most.
 */
export async function suggestPeople(
  db: Executor,
  viewerId: string,
  limit = 10,
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<PersonView[]> {
  const max = pageLimit(limit, { fallback: 10, max: 60 });
  const viaFollow = alias(follows, "via_follow");
  const mutual = alias(users, "mutual");
  // viewer -> mutual (follows) -> candidate (via_follow)
  const friends = await db
    .select({
      ...personColumns,
      viewerRequested: viewerRequestedColumn(viewerId),
      mutuals: sql<number>`count(*)::int`,
      via: sql<string>`(array_agg(${mutual.username} order by ${viaFollow.createdAt} desc))[1]`,
    })
    .from(follows)
    .innerJoin(mutual, and(eq(mutual.id, follows.followeeId), eq(mutual.status, "active")))
    .innerJoin(viaFollow, eq(viaFollow.followerId, follows.followeeId))
    .innerJoin(users, eq(users.id, viaFollow.followeeId))
    .where(
      and(
        eq(follows.followerId, viewerId),
        ne(users.id, viewerId),
        eq(users.status, "active"),
        // Accounts whose e-mail is not verified yet are never suggested (throwaway accounts).
        isNotNull(users.emailVerifiedAt),
        notFollowedBy(viewerId),
        notBlockedBetween(viewerId, users.id),
      ),
    )
    .groupBy(users.id)
    .orderBy(desc(sql`count(*)`), desc(users.followerCount), desc(users.id))
    .limit(max);
  const out = friends.map((f) =>
    toPersonView(
      storage,
      { ...f, viewerFollows: false },
      viewerId,
      f.mutuals > 1 ? `Followed by ${f.via} + ${f.mutuals - 1} more` : `Followed by ${f.via}`,
    ),
  );
  if (out.length >= max) return out;
  const taken = [viewerId, ...out.map((p) => p.id)];
  const popular = await db
    .select({ ...personColumns, viewerRequested: viewerRequestedColumn(viewerId) })
    .from(users)
    .where(
      and(
        eq(users.status, "active"),
        isNotNull(users.emailVerifiedAt),
        notInArray(users.id, taken),
        notFollowedBy(viewerId),
        notBlockedBetween(viewerId, users.id),
      ),
    )
    .orderBy(desc(users.followerCount), desc(users.id))
    .limit(max - out.length);
  return [
    ...out,
    ...popular.map((p) =>
      toPersonView(storage, { ...p, viewerFollows: false }, viewerId, "Popular on Snapgram"),
    ),
  ];
}

/**
 * Which of `userIds` the viewer follows, in one prepared statement (for lists built elsewhere,
 * and the typeahead on every keystroke): the ids travel as one parameter, so the text is fixed.
 */
export async function followedAmong(db: Executor, viewerId: string | null, userIds: string[]) {
  if (!viewerId || userIds.length === 0) return new Set<string>();
  const statement = preparedOnce(db, "followed_among", () =>
    db
      .select({ id: follows.followeeId })
      .from(follows)
      .where(
        and(
          eq(follows.followerId, sql.placeholder("viewer")),
          sql`${follows.followeeId} = any(string_to_array(${sql.placeholder("ids")}, ',')::uuid[])`,
        ),
      )
      .prepare("followed_among"),
  );
  const rows = await statement.execute({ viewer: viewerId, ids: userIds.join(",") });
  return new Set(rows.map((r) => r.id));
}
