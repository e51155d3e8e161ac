import "server-only";
import { and, eq, isNotNull, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dataExports, posts, uploadSlots, users } from "@/db/schema";
import { restoreCutoff } from "@/lib/auth/deleted-accounts";
import { deleteCommentsCounted, deleteRepliesUnder } from "@/lib/shared/comment-removal";

// The SQL of erasing a deleted account, one bounded batch per statement. Each statement deletes
// at most `limit` rows and moves, in the same statement, every counter those rows drove by what
// was really deleted: run twice, or by two servers at once, a batch never counts a row twice.

/** postgres.js answers an array, PGlite `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

async function deletedCount(tx: Executor, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(await tx.execute(query));
  return Number(row?.n ?? 0);
}

/** Accounts deleted before the restore window closed, oldest first. */
export async function findDueAccounts(tx: Executor, now: Date, limit: number) {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.status, "deleted"),
        isNotNull(users.deletedAt),
        lte(users.deletedAt, restoreCutoff(now)),
      ),
    )
    .orderBy(users.deletedAt, users.id)
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Locks the account's row for this batch if it is still deleted and past its restore window;
 * false otherwise. A sign-in's restore updates the same row only inside the window, so a batch
 * and a restore never both happen.
 */
export async function lockDueAccount(tx: Executor, userId: string, now: Date) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.status, "deleted"),
        lte(users.deletedAt, restoreCutoff(now)),
      ),
    )
    .for("no key update");
  return row !== undefined;
}

/** Up to `limit` of the account's likes, each post's like_count moved down with them. */
export function eraseLikes(tx: Executor, userId: string, limit: number) {
  return deletedCount(
    tx,
    sql`
      with gone as (
        delete from likes l
        where (l.user_id, l.post_id) in (
          select user_id, post_id from likes where user_id = ${userId}::uuid limit ${limit}
        )
        returning l.post_id
      ), n as (select post_id, count(*)::int as n from gone group by post_id),
      moved as (
        update posts set like_count = greatest(posts.like_count - n.n, 0)
        from n where posts.id = n.post_id returning 1
      )
      select count(*)::int as n from gone`,
  );
}

/** Up to `limit` of the account's hearts on comments, each comment's like_count moved down. */
export function eraseCommentLikes(tx: Executor, userId: string, limit: number) {
  return deletedCount(
    tx,
    sql`
      with gone as (
        delete from comment_likes l
        where (l.comment_id, l.user_id) in (
          select comment_id, user_id from comment_likes where user_id = ${userId}::uuid limit ${limit}
        )
        returning l.comment_id
      ), n as (select comment_id, count(*)::int as n from gone group by comment_id),
      moved as (
        update comments set like_count = greatest(comments.like_count - n.n, 0)
        from n where comments.id = n.comment_id returning 1
      )
      select count(*)::int as n from gone`,
  );
}

/** Up to `limit` replies (anyone's) under the account's comments, before those comments go. */
export async function eraseThreadReplies(tx: Executor, userId: string, limit: number) {
  return (await deleteRepliesUnder(tx, sql`t.author_id = ${userId}::uuid`, limit)).deleted;
}

/**
 * Up to `limit` of the account's comments and replies, on anyone's posts (the replies under them
 * went first: eraseThreadReplies), every counter they drove moved down.
 */
export async function eraseComments(tx: Executor, userId: string, limit: number) {
  return (await deleteCommentsCounted(tx, sql`c.author_id = ${userId}::uuid`, limit)).deleted;
}

/** Up to `limit` of whom the account follows, each one's follower_count moved down. */
export function eraseFollowing(tx: Executor, userId: string, limit: number) {
  return deletedCount(
    tx,
    sql`
      with gone as (
        delete from follows f
        where (f.follower_id, f.followee_id) in (
          select follower_id, followee_id from follows
          where follower_id = ${userId}::uuid limit ${limit}
        )
        returning f.followee_id
      ), n as (select followee_id, count(*)::int as n from gone group by followee_id),
      moved as (
        update users set follower_count = greatest(users.follower_count - n.n, 0)
        from n where users.id = n.followee_id returning 1
      )
      select count(*)::int as n from gone`,
  );
}

/** Up to `limit` of the account's followers, each one's following_count moved down. */
export function eraseFollowers(tx: Executor, userId: string, limit: number) {
  return deletedCount(
    tx,
    sql`
      with gone as (
        delete from follows f
        where (f.follower_id, f.followee_id) in (
          select follower_id, followee_id from follows
          where followee_id = ${userId}::uuid limit ${limit}
        )
        returning f.follower_id
      ), n as (select follower_id, count(*)::int as n from gone group by follower_id),
      moved as (
        update users set following_count = greatest(users.following_count - n.n, 0)
        from n where users.id = n.follower_id returning 1
      )
      select count(*)::int as n from gone`,
  );
}

/** Ids of up to `limit` of the account's posts (any status). */
export async function somePostIds(tx: Executor, userId: string, limit: number) {
  const rows = await tx
    .select({ id: posts.id })
    .from(posts)
    .where(eq(posts.authorId, userId))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Deletes these posts: their tag links first (each hashtag's post_count moved down), then the
 * rows, whose likes, comments, photos' rows, saves, mentions and notifications cascade.
 */
export async function erasePosts(tx: Executor, postIds: string[]) {
  if (postIds.length === 0) return 0;
  const ids = sql.join(
    postIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await tx.execute(sql`
    with gone as (
      delete from post_hashtags where post_id in (${ids}) returning hashtag_id
    ), n as (select hashtag_id, count(*)::int as n from gone group by hashtag_id)
    update hashtags set post_count = greatest(hashtags.post_count - n.n, 0)
    from n where hashtags.id = n.hashtag_id`);
  return deletedCount(
    tx,
    sql`with gone as (delete from posts where id in (${ids}) returning 1)
      select count(*)::int as n from gone`,
  );
}

/** Deletes up to `limit` of the account's upload slots; answers their originals' keys. */
export async function eraseUploadSlots(tx: Executor, userId: string, limit: number) {
  const batch = tx
    .select({ id: uploadSlots.id })
    .from(uploadSlots)
    .where(eq(uploadSlots.userId, userId))
    .limit(limit);
  const rows = await tx
    .delete(uploadSlots)
    .where(sql`${uploadSlots.id} in ${batch}`)
    .returning({ key: uploadSlots.key });
  return rows.map((r) => r.key);
}

/** Up to `limit` of the account's data exports, deleted; answers their archives' storage keys. */
export async function eraseDataExports(tx: Executor, userId: string, limit: number) {
  const batch = tx
    .select({ id: dataExports.id })
    .from(dataExports)
    .where(eq(dataExports.userId, userId))
    .limit(limit);
  const rows = await tx
    .delete(dataExports)
    .where(sql`${dataExports.id} in ${batch}`)
    .returning({ key: dataExports.key });
  return rows.map((r) => r.key);
}

/** The last row: what still references the account cascades (sessions, blocks, saves...). */
export async function deleteAccountRow(tx: Executor, userId: string) {
  const rows = await tx.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length > 0;
}
