import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { likes, posts, saves, users } from "@/db/schema";
import { listPeopleOf, PEOPLE_PAGE } from "@/lib/follows/people";
import { pageParams } from "@/lib/pagination/page-params";
import { findVisiblePost } from "@/lib/posts/visibility";
import { notBlockedBetween } from "@/lib/shared/blocks";
import type { Page, PersonView } from "@/lib/shared/post-views";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";

// All SQL of likes. Functions take (db, params) so they run in or out of a transaction.

/** Inserts the like unless it exists; true only when a row was really written. */
export async function insertLike(tx: Executor, postId: string, userId: string, now: Date) {
  const rows = await tx
    .insert(likes)
    .values({ postId, userId, createdAt: now })
    .onConflictDoNothing()
    .returning({ postId: likes.postId });
  return rows.length > 0;
}

/** Deletes the like if it exists; true only when a row was really deleted. */
export async function deleteLike(tx: Executor, postId: string, userId: string) {
  const rows = await tx
    .delete(likes)
    .where(and(eq(likes.postId, postId), eq(likes.userId, userId)))
    .returning({ postId: likes.postId });
  return rows.length > 0;
}

/**
 * like_count + delta in place (safe under concurrent writers); the fresh count, and whether the
 * author hides it as of this write (read under the same row lock, so a concurrent "hide like
 * count" is never missed).
 */
export async function shiftLikeCount(tx: Executor, postId: string, delta: 1 | -1) {
  const [row] = await tx
    .update(posts)
    .set({
      likeCount: delta > 0 ? sql`${posts.likeCount} + 1` : sql`greatest(${posts.likeCount} - 1, 0)`,
    })
    .where(eq(posts.id, postId))
    .returning({ likeCount: posts.likeCount, hideLikeCount: posts.hideLikeCount });
  return row ?? { likeCount: 0, hideLikeCount: true };
}

/** The like count and whether the author hides it. */
export async function readLikeCount(db: Executor, postId: string) {
  const [row] = await db
    .select({ likeCount: posts.likeCount, hideLikeCount: posts.hideLikeCount })
    .from(posts)
    .where(eq(posts.id, postId));
  return row ?? { likeCount: 0, hideLikeCount: true };
}

/**
 * Who liked a visible post, newest like first, keyset (created_at, user id); each row says
 * whether the viewer follows that person. Null when the cursor is malformed.
 */
export async function listLikers(
  db: Executor,
  params: { postId: string; viewerId: string | null; cursor?: string | null; limit?: number },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Page<PersonView> | null> {
  const page = pageParams(params, PEOPLE_PAGE);
  if (!page) return null;
  if (!(await findVisiblePost(db, params.postId, params.viewerId)))
    return { items: [], nextCursor: null };
  const likers = { table: likes, createdAt: likes.createdAt, personId: likes.userId };
  return listPeopleOf(
    db,
    { ...likers, where: eq(likes.postId, params.postId) },
    page,
    params.viewerId,
    storage,
  );
}

/** Which of a page of posts the viewer liked and saved: two indexed queries, none per post. */
export async function viewerStateFor(
  db: Executor,
  viewerId: string | null,
  postIds: string[],
): Promise<{ liked: Set<string>; saved: Set<string> }> {
  if (!viewerId || postIds.length === 0) return { liked: new Set(), saved: new Set() };
  const liked = await db
    .select({ postId: likes.postId })
    .from(likes)
    .where(and(eq(likes.userId, viewerId), inArray(likes.postId, postIds)));
  const saved = await db
    .select({ postId: saves.postId })
    .from(saves)
    .where(and(eq(saves.userId, viewerId), inArray(saves.postId, postIds)));
  return {
    liked: new Set(liked.map((r) => r.postId)),
    saved: new Set(saved.map((r) => r.postId)),
  };
}

/**
 * The newest active liker of each post (never one blocked either way with the viewer), for
 * "liked by X and N others": one DISTINCT ON query.
 */
export async function latestLikersFor(
  db: Executor,
  postIds: string[],
  viewerId: string | null = null,
): Promise<Map<string, { username: string }>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([likes.postId], { postId: likes.postId, username: users.username })
    .from(likes)
    .innerJoin(users, eq(users.id, likes.userId))
    .where(
      and(
        inArray(likes.postId, postIds),
        eq(users.status, "active"),
        notBlockedBetween(viewerId, likes.userId),
      ),
    )
    .orderBy(likes.postId, desc(likes.createdAt), desc(likes.userId));
  return new Map(rows.map((r) => [r.postId, { username: r.username }]));
}
