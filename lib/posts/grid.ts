import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { postMedia, posts } from "@/db/schema";
import { type Keyset, toPage } from "@/lib/pagination/cursor";
import { mediaColumns } from "@/lib/posts/media-columns";
import { toMediaView } from "@/lib/shared/media";
import { type ControlledCounts, visibleCounts } from "@/lib/shared/post-controls";
import type { GridItem, Page } from "@/lib/shared/post-views";
import type { Storage } from "@/lib/storage/types";

// Square-thumbnail grids (profile, saved, explore, tags): the post columns a grid item needs and
// one query for the cover photos of a whole page.

export const GRID_PAGE_SIZE = 12;

/** Select these alongside the list's own ordering columns. */
export const gridColumns = {
  id: posts.id,
  likeCount: posts.likeCount,
  commentCount: posts.commentCount,
  hideLikeCount: posts.hideLikeCount,
  commentsOff: posts.commentsOff,
  // Qualified by hand: drizzle may leave a column bare inside a correlated subquery.
  mediaCount: sql<number>`(select count(*)::int from post_media pm where pm.post_id = "posts"."id")`,
};

export type GridRow = ControlledCounts & { id: string; mediaCount: number };

/** A list's `limit + 1` rows as a page of grid items, with the cover (first photo) of each. */
export async function toGridPage<R extends GridRow>(
  db: Executor,
  rows: R[],
  limit: number,
  keyOf: (row: R) => Keyset,
  storage: Pick<Storage, "publicUrl">,
): Promise<Page<GridItem>> {
  const ids = rows.slice(0, limit).map((r) => r.id);
  const covers =
    ids.length === 0
      ? []
      : await db
          .select(mediaColumns)
          .from(postMedia)
          .where(and(inArray(postMedia.postId, ids), eq(postMedia.position, 0)));
  const coverOf = new Map(covers.map((c) => [c.postId, c]));
  const page = toPage(rows, limit, keyOf, (row) => ({ row, cover: coverOf.get(row.id) }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.flatMap(({ row, cover }) =>
      cover
        ? [
            {
              id: row.id,
              cover: toMediaView(storage, cover),
              mediaCount: row.mediaCount,
              ...visibleCounts(row, false),
            },
          ]
        : [],
    ),
  };
}
