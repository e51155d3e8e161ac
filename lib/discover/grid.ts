import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { postMedia } from "@/db/schema";
import { mediaColumns } from "@/lib/posts/media-columns";
import { toMediaView } from "@/lib/shared/media";
import { type ControlledCounts, visibleCounts } from "@/lib/shared/post-controls";
import type { GridItem } from "@/lib/shared/post-views";
import type { Storage } from "@/lib/storage/types";

export type GridRow = ControlledCounts & { id: string };

/**
 * Grid thumbnails for posts, in the given order: one query for every cover (the first photo)
 * and photo count. A post without photos is left out.
 */
export async function toGridItems(
  db: Executor,
  rows: GridRow[],
  storage: Pick<Storage, "publicUrl">,
): Promise<GridItem[]> {
  if (rows.length === 0) return [];
  const covers = await db
    .select({
      ...mediaColumns,
      // Qualified by hand: inside a one-table select drizzle leaves columns unqualified.
      mediaCount: sql<number>`(select count(*)::int from post_media pm where pm.post_id = "post_media"."post_id")`,
    })
    .from(postMedia)
    .where(
      and(
        inArray(
          postMedia.postId,
          rows.map((r) => r.id),
        ),
        eq(postMedia.position, 0),
      ),
    );
  const coverOf = new Map(covers.map((c) => [c.postId, c]));
  return rows.flatMap((row) => {
    const cover = coverOf.get(row.id);
    if (!cover) return [];
    return [
      {
        id: row.id,
        cover: toMediaView(storage, cover),
        mediaCount: cover.mediaCount,
        ...visibleCounts(row, false),
      },
    ];
  });
}
