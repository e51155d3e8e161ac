import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { postMedia, posts, users } from "@/db/schema";
import { descIndexed, olderThan } from "@/lib/pagination/keyset";
import { pageParams } from "@/lib/pagination/page-params";
import { notBlockedBetween } from "@/lib/shared/blocks";
import { avatarUrl, type MediaRow, toMediaView } from "@/lib/shared/media";
import { visibleCounts } from "@/lib/shared/post-controls";
import type { GridItem, Page, PostView } from "@/lib/shared/post-views";
import { canSeePostsOf } from "@/lib/shared/private-accounts";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import { GRID_PAGE_SIZE, gridColumns, toGridPage } from "./grid";
import { mediaColumns } from "./media-columns";

/** The columns of a post joined with its author (`posts` inner join `users`). */
export const postWithAuthorColumns = {
  id: posts.id,
  caption: posts.caption,
  createdAt: posts.createdAt,
  likeCount: posts.likeCount,
  commentCount: posts.commentCount,
  hideLikeCount: posts.hideLikeCount,
  commentsOff: posts.commentsOff,
  authorId: users.id,
  username: users.username,
  name: users.name,
  avatarKey: users.avatarKey,
};

type PostWithAuthor = {
  id: string;
  caption: string;
  createdAt: Date;
  likeCount: number;
  commentCount: number;
  hideLikeCount: boolean;
  commentsOff: boolean;
  authorId: string;
  username: string;
  name: string;
  avatarKey: string | null;
};

/** A post row with its author and photos (in order) as the view every page shows. */
export function toPostView(
  storage: Pick<Storage, "publicUrl">,
  row: PostWithAuthor,
  media: MediaRow[],
  viewerId: string | null,
): PostView {
  const viewerIsAuthor = viewerId === row.authorId;
  return {
    id: row.id,
    caption: row.caption,
    createdAt: row.createdAt.toISOString(),
    ...visibleCounts(row, viewerIsAuthor),
    author: {
      id: row.authorId,
      username: row.username,
      name: row.name,
      avatarUrl: avatarUrl(storage, row.avatarKey),
    },
    media: media.map((m) => toMediaView(storage, m)),
    viewerIsAuthor,
  };
}

/**
 * A visible post by an active author that the viewer may see (not across a block either way; a
 * private account's only by its followers and itself), with its photos in order; null for
 * anything else, so a post the viewer may not see reads exactly as a missing one.
 */
export async function getPostView(
  db: Executor,
  postId: string,
  viewerId: string | null,
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<PostView | null> {
  const [row] = await db
    .select(postWithAuthorColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        eq(posts.id, postId),
        eq(posts.status, "visible"),
        eq(users.status, "active"),
        notBlockedBetween(viewerId, posts.authorId),
        canSeePostsOf(viewerId, posts.authorId, users.isPrivate),
      ),
    );
  if (!row) return null;
  const media = await db
    .select(mediaColumns)
    .from(postMedia)
    .where(eq(postMedia.postId, postId))
    .orderBy(asc(postMedia.position));
  return toPostView(storage, row, media, viewerId);
}

export { GRID_PAGE_SIZE } from "./grid";

/**
 * One author's visible posts, newest first, as grid thumbnails: keyset paging on
 * (created_at, id) with limit + 1 rows; null when the cursor is malformed. Empty across a block
 * with the viewer, and when the author's account is private and the viewer neither is nor
 * follows it.
 */
export async function listProfileGrid(
  db: Executor,
  params: { userId: string; viewerId: string | null; cursor?: string | null; limit?: number },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Page<GridItem> | null> {
  const page = pageParams(params, { fallback: GRID_PAGE_SIZE, max: 60 });
  if (!page) return null;
  const { limit, after } = page;
  const rows = await db
    .select({ ...gridColumns, createdAt: posts.createdAt })
    .from(posts)
    .where(
      and(
        eq(posts.authorId, params.userId),
        eq(posts.status, "visible"),
        notBlockedBetween(params.viewerId, posts.authorId),
        canSeePostsOf(
          params.viewerId,
          sql`${params.userId}::uuid`,
          sql`(select pa.is_private from users pa where pa.id = ${params.userId}::uuid)`,
        ),
        after ? olderThan(posts.createdAt, posts.id, after) : undefined,
      ),
    )
    .orderBy(descIndexed(posts.createdAt), descIndexed(posts.id))
    .limit(limit + 1);
  return toGridPage(db, rows, limit, (r) => ({ createdAt: r.createdAt, id: r.id }), storage);
}
/**
 * Ids of the active accounts named (lower-case usernames), never `excludeId` (the writer) nor an
 * account blocked either way with the writer (a mention across a block does nothing).
 */
export async function findMentionableIds(db: Executor, usernames: string[], excludeId: string) {
  if (usernames.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(sql`lower(${users.username})`, usernames),
        eq(users.status, "active"),
        ne(users.id, excludeId),
        notBlockedBetween(excludeId, users.id),
      ),
    );
  return rows.map((r) => r.id);
}

// The writes of posts (lib/posts/service.ts runs them inside its transactions).

/** Inserts a post and its photos (in order) as one unit of the create transaction. */
export async function insertPost(
  tx: Executor,
  post: typeof posts.$inferInsert,
  media: (typeof postMedia.$inferInsert)[],
) {
  await tx.insert(posts).values(post);
  await tx.insert(postMedia).values(media);
}

export async function incrementPostCount(tx: Executor, userId: string) {
  await tx
    .update(users)
    .set({ postCount: sql`${users.postCount} + 1` })
    .where(eq(users.id, userId));
}

/** One less post on the author's profile, never below zero. */
export async function decrementPostCount(tx: Executor, userId: string) {
  await tx
    .update(users)
    .set({ postCount: sql`greatest(${users.postCount} - 1, 0)` })
    .where(eq(users.id, userId));
}

/** A visible post, locked until the transaction ends (an edit by its author follows). */
export async function lockVisiblePost(tx: Executor, postId: string) {
  const [post] = await tx
    .select({
      id: posts.id,
      authorId: posts.authorId,
      caption: posts.caption,
      hideLikeCount: posts.hideLikeCount,
      commentsOff: posts.commentsOff,
    })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.status, "visible")))
    .for("update");
  return post ?? null;
}

/** A post whatever its status (a removed one can still be deleted by its author), locked. */
export async function lockPostForDelete(tx: Executor, postId: string) {
  const [post] = await tx
    .select({ authorId: posts.authorId, status: posts.status })
    .from(posts)
    .where(eq(posts.id, postId))
    .for("update");
  return post ?? null;
}

/** Sets the author's per-post controls (only those given); the stored state after the write. */
export async function updateControls(
  tx: Executor,
  postId: string,
  controls: { hideLikeCount?: boolean; commentsOff?: boolean },
  now: Date,
) {
  const [row] = await tx
    .update(posts)
    .set({ ...controls, updatedAt: now })
    .where(eq(posts.id, postId))
    .returning({ hideLikeCount: posts.hideLikeCount, commentsOff: posts.commentsOff });
  return row ?? null;
}

export async function updateCaption(tx: Executor, postId: string, caption: string, now: Date) {
  await tx.update(posts).set({ caption, updatedAt: now }).where(eq(posts.id, postId));
}

/** The alt text of one photo, only when it belongs to the post. */
export async function updateAlt(tx: Executor, postId: string, mediaId: string, alt: string) {
  await tx
    .update(postMedia)
    .set({ alt })
    .where(and(eq(postMedia.id, mediaId), eq(postMedia.postId, postId)));
}

export async function deletePostRow(tx: Executor, postId: string) {
  await tx.delete(posts).where(eq(posts.id, postId));
}
