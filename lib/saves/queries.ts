import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { posts, saves, users } from "@/db/schema";
import { descIndexed, olderThan } from "@/lib/pagination/keyset";
import { pageParams } from "@/lib/pagination/page-params";
import { GRID_PAGE_SIZE, gridColumns, toGridPage } from "@/lib/posts/grid";
import { notBlockedBetween } from "@/lib/shared/blocks";
import type { GridItem, Page } from "@/lib/shared/post-views";
import { canSeePostsOf } from "@/lib/shared/private-accounts";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";

// All SQL of saved posts (a private collection: only its owner reads it).

/** Inserts the save unless it exists; true only when a row was really written. */
export async function insertSave(tx: Executor, userId: string, postId: string, now: Date) {
  const rows = await tx
    .insert(saves)
    .values({ userId, postId, createdAt: now })
    .onConflictDoNothing()
    .returning({ postId: saves.postId });
  return rows.length > 0;
}

/** Deletes the save if it exists; true only when a row was really deleted. */
export async function deleteSave(tx: Executor, userId: string, postId: string) {
  const rows = await tx
    .delete(saves)
    .where(and(eq(saves.userId, userId), eq(saves.postId, postId)))
    .returning({ postId: saves.postId });
  return rows.length > 0;
}

export async function isSaved(db: Executor, userId: string, postId: string) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(saves)
    .where(and(eq(saves.userId, userId), eq(saves.postId, postId)));
  return Boolean(row);
}

/**
 * A user's saved posts, newest save first, as grid thumbnails; posts removed since, by a
 * suspended author, or by a private account the user no longer follows, are left out. Keyset (saved_at, post id) with limit + 1 rows; null when the
 * cursor is malformed.
 */
export async function listSaved(
  db: Executor,
  params: { userId: string; cursor?: string | null; limit?: number },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Page<GridItem> | null> {
  const page = pageParams(params, { fallback: GRID_PAGE_SIZE, max: 60 });
  if (!page) return null;
  const { limit, after } = page;
  const author = alias(users, "author");
  const rows = await db
    .select({ ...gridColumns, savedAt: saves.createdAt })
    .from(saves)
    .innerJoin(posts, eq(posts.id, saves.postId))
    .innerJoin(author, eq(author.id, posts.authorId))
    .where(
      and(
        eq(saves.userId, params.userId),
        eq(posts.status, "visible"),
        eq(author.status, "active"),
        notBlockedBetween(params.userId, author.id),
        canSeePostsOf(params.userId, posts.authorId, author.isPrivate),
        after ? olderThan(saves.createdAt, saves.postId, after) : undefined,
      ),
    )
    .orderBy(descIndexed(saves.createdAt), descIndexed(saves.postId))
    .limit(limit + 1);
  return toGridPage(db, rows, limit, (r) => ({ createdAt: r.savedAt, id: r.id }), storage);
}
