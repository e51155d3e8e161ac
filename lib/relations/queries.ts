import "server-only";
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { blocks, mutes, notifications, posts, users } from "@/db/schema";
import { deleteCommentsCounted, deleteRepliesUnder } from "@/lib/shared/comment-removal";
import { personColumns, toPersonView } from "@/lib/shared/people";
import type { PersonView } from "@/lib/shared/post-views";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";

// All SQL of blocks and mutes (the writes, and the settings lists). The conditions other
// features add to their reads are in lib/shared/blocks.ts.

/** The settings lists show at most this many accounts (newest first). */
export const RELATION_LIST_LIMIT = 500;

/** An account by id whatever its status (a suspended one may be blocked too); null if missing. */
/**
 * Locks both accounts FOR UPDATE (in id order, so two blocks between the same pair cannot
 * deadlock) for the rest of a block's transaction: a like, save, comment or follow between them
 * that holds KEY SHARE on one of the rows (findVisiblePostForWrite, findFollowTarget) finishes
 * first, or waits for the block and then sees it.
 */
export async function lockPair(db: Executor, a: string, b: string) {
  await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.id, [a, b]))
    .orderBy(asc(users.id))
    .for("update");
}

export async function findAccount(db: Executor, userId: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

/** Inserts the block unless it exists; true only when a row was really written. */
export async function insertBlock(tx: Executor, blockerId: string, blockedId: string, now: Date) {
  const rows = await tx
    .insert(blocks)
    .values({ blockerId, blockedId, createdAt: now })
    .onConflictDoNothing()
    .returning({ blockedId: blocks.blockedId });
  return rows.length > 0;
}

/** Deletes the block if it exists; true only when a row was really deleted. */
export async function deleteBlock(tx: Executor, blockerId: string, blockedId: string) {
  const rows = await tx
    .delete(blocks)
    .where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)))
    .returning({ blockedId: blocks.blockedId });
  return rows.length > 0;
}

/**
 * Deletes `userId`'s likes on `authorId`'s posts and moves each post's like_count by what was
 * really deleted, in one statement; answers the posts and their fresh counts.
 */
export async function deleteLikesOnPostsOf(tx: Executor, userId: string, authorId: string) {
  return rowsOf<{ id: string; like_count: number }>(
    await tx.execute(sql`
      with gone as (
        delete from likes l using posts p
        where l.post_id = p.id and p.author_id = ${authorId}::uuid and l.user_id = ${userId}::uuid
        returning l.post_id
      ), n as (select post_id, count(*)::int as n from gone group by post_id)
      update posts set like_count = greatest(posts.like_count - n.n, 0)
      from n where posts.id = n.post_id
      returning posts.id, posts.like_count`),
  ).map((r) => ({ postId: r.id, likeCount: Number(r.like_count) }));
}

/**
 * Deletes `userId`'s visible comments and replies on `authorId`'s posts, with the replies under
 * their comments (a removed comment stays, as moderation evidence, and was never counted), and
 * moves comment_count and reply_count by what was deleted; answers each touched post's count.
 */
export async function deleteCommentsOnPostsOf(tx: Executor, userId: string, authorId: string) {
  // Their threads go whole: others' replies under their comments first, then their comments and
  // replies; every count moved by what was deleted (lib/shared/comment-removal.ts).
  const threads = await deleteRepliesUnder(
    tx,
    sql`p.author_id = ${authorId}::uuid and t.author_id = ${userId}::uuid and t.status = 'visible'`,
  );
  const own = await deleteCommentsCounted(
    tx,
    sql`p.author_id = ${authorId}::uuid and c.author_id = ${userId}::uuid and c.status = 'visible'`,
  );
  const postIds = [...new Set([...threads.postIds, ...own.postIds])];
  if (postIds.length === 0) return [];
  const rows = await tx
    .select({ postId: posts.id, commentCount: posts.commentCount })
    .from(posts)
    .where(inArray(posts.id, postIds));
  return rows;
}

/** Deletes every notification either account caused the other; who lost one. */
export async function deleteNotificationsBetween(tx: Executor, a: string, b: string) {
  const rows = await tx
    .delete(notifications)
    .where(
      or(
        and(eq(notifications.recipientId, a), eq(notifications.actorId, b)),
        and(eq(notifications.recipientId, b), eq(notifications.actorId, a)),
      ),
    )
    .returning({ recipientId: notifications.recipientId });
  return [...new Set(rows.map((r) => r.recipientId))];
}

/** Sets the mute (both false: deletes it); answers what is now muted. */
export async function upsertMute(
  tx: Executor,
  muterId: string,
  mutedId: string,
  flags: { posts: boolean; comments: boolean },
  now: Date,
) {
  if (!flags.posts && !flags.comments) {
    await deleteMute(tx, muterId, mutedId);
    return;
  }
  await tx
    .insert(mutes)
    .values({ muterId, mutedId, ...flags, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [mutes.muterId, mutes.mutedId],
      set: { ...flags, updatedAt: now },
    });
}

export async function deleteMute(tx: Executor, muterId: string, mutedId: string) {
  await tx.delete(mutes).where(and(eq(mutes.muterId, muterId), eq(mutes.mutedId, mutedId)));
}

/** Settings -> Blocked accounts: whom the user blocked, newest first. */
export async function listBlockedAccounts(
  db: Executor,
  userId: string,
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<PersonView[]> {
  const rows = await db
    .select(personColumns)
    .from(blocks)
    .innerJoin(users, eq(users.id, blocks.blockedId))
    .where(eq(blocks.blockerId, userId))
    .orderBy(desc(blocks.createdAt), desc(blocks.blockedId))
    .limit(RELATION_LIST_LIMIT);
  return rows.map((r) => toPersonView(storage, { ...r, viewerFollows: false }, userId));
}

export type MutedAccount = PersonView & { posts: boolean; comments: boolean };

/** Settings -> Muted accounts: whom the user muted and what, newest first. */
export async function listMutedAccounts(
  db: Executor,
  userId: string,
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<MutedAccount[]> {
  const rows = await db
    .select({ ...personColumns, posts: mutes.posts, comments: mutes.comments })
    .from(mutes)
    .innerJoin(users, eq(users.id, mutes.mutedId))
    .where(eq(mutes.muterId, userId))
    .orderBy(desc(mutes.createdAt), desc(mutes.mutedId))
    .limit(RELATION_LIST_LIMIT);
  return rows.map((r) => ({
    ...toPersonView(storage, { ...r, viewerFollows: false }, userId),
    posts: r.posts,
    comments: r.comments,
  }));
}

/** postgres.js answers an array, PGlite `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
