import "server-only";
import { and, asc, eq, gt, ne, type SQL, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { exploreRanks, exploreSnapshots, postMedia, posts, users } from "@/db/schema";
import { pageParams } from "@/lib/pagination/page-params";
import { notBlockedBetween } from "@/lib/shared/blocks";
import { toMediaView } from "@/lib/shared/media";
import { visibleCounts } from "@/lib/shared/post-controls";
import type { GridItem, Page } from "@/lib/shared/post-views";
import { isPublicAccount } from "@/lib/shared/private-accounts";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import { decodeExploreCursor, encodeExploreCursor } from "./cursor";
import { findSnapshot, REFRESH_MS, refreshWhenStale } from "./service";

export const EXPLORE_PAGE_SIZE = 24;

const newestSnapshot = sql`(select s.id from explore_snapshots s order by s.computed_at desc nulls last, s.id desc nulls last limit 1)`;

/** The snapshot a page reads: the cursor's while it exists, else the newest. */
export function snapshotOf(cursorSnapshotId: string | null): SQL {
  if (!cursorSnapshotId) return newestSnapshot;
  return sql`coalesce((select s.id from explore_snapshots s where s.id = ${cursorSnapshotId}::uuid), ${newestSnapshot})`;
}

/**
 * One statement per explore page: the next `take` posts of a snapshot after `afterRank`, in rank
 * order, that the viewer may discover (visible, by an active public author who is neither the
 * viewer nor followed by them, nor blocked either way with them; an account gone private since the
 * snapshot drops out here), with their cover photo and the snapshot's id and age. Reads
 * explore_ranks by its primary key and stops at `take`. Exported so the bench can EXPLAIN it.
 */
export function explorePageQuery(
  db: Executor,
  viewerId: string,
  snapshot: SQL,
  afterRank: number,
  take: number,
) {
  return db
    .select({
      snapshotId: exploreRanks.snapshotId,
      computedAt:
        sql`(select s.computed_at from explore_snapshots s where s.id = ${exploreRanks.snapshotId})`.mapWith(
          exploreSnapshots.computedAt,
        ),
      rank: exploreRanks.rank,
      id: posts.id,
      likeCount: posts.likeCount,
      commentCount: posts.commentCount,
      hideLikeCount: posts.hideLikeCount,
      commentsOff: posts.commentsOff,
      mediaCount: sql<number>`(select count(*)::int from post_media pm where pm.post_id = ${posts.id})`,
      cover: {
        id: postMedia.id,
        width: postMedia.width,
        height: postMedia.height,
        placeholder: postMedia.placeholder,
        alt: postMedia.alt,
        variants: postMedia.variants,
      },
    })
    .from(exploreRanks)
    .innerJoin(posts, eq(posts.id, exploreRanks.postId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .innerJoin(postMedia, and(eq(postMedia.postId, posts.id), eq(postMedia.position, 0)))
    .where(
      and(
        sql`${exploreRanks.snapshotId} = ${snapshot}`,
        gt(exploreRanks.rank, afterRank),
        eq(posts.status, "visible"),
        eq(users.status, "active"),
        isPublicAccount(users.isPrivate),
        ne(posts.authorId, viewerId),
        sql`not exists (select 1 from follows f where f.follower_id = ${viewerId} and f.followee_id = ${posts.authorId})`,
        notBlockedBetween(viewerId, posts.authorId),
      ),
    )
    .orderBy(asc(exploreRanks.rank))
    .limit(take);
}

const isStale = (computedAt: Date | null | undefined, now: Date) =>
  !computedAt || now.getTime() - computedAt.getTime() >= REFRESH_MS;

/**
 * The explore grid: popular recent posts of people the viewer does not follow, best first by
 * postScore (time-decayed engagement). Pages come from one frozen snapshot of the ranking named
 * in the cursor, so scrolling never repeats or skips a post while likes change; a first page
 * reads the newest snapshot, rebuilt first when older than 10 minutes. A cursor whose snapshot
 * has expired (2 hours) continues at the same rank of the newest one. One statement per page
 * in the common case; null for a malformed cursor.
 */
export async function listExplorePage(
  db: Db,
  params: { viewerId: string; cursor?: string | null; limit?: number; now?: Date },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Page<GridItem> | null> {
  const page = pageParams(params, { fallback: EXPLORE_PAGE_SIZE, max: 60 }, decodeExploreCursor);
  if (!page) return null;
  const { limit, after } = page;
  const now = params.now ?? new Date();
  const read = () =>
    explorePageQuery(
      db,
      params.viewerId,
      snapshotOf(after?.snapshotId ?? null),
      after?.rank ?? 0,
      limit + 1,
    );
  let rows = await read();
  // Only a first page rebuilds; a reader in mid-scroll keeps the order they started with.
  if (!after) {
    const built = rows.length > 0 ? rows[0]?.computedAt : (await findSnapshot(db))?.computedAt;
    if (isStale(built, now)) {
      await refreshWhenStale(db, "explore", now, built ?? null);
      rows = await read();
    }
  }
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((r) => ({
      id: r.id,
      cover: toMediaView(storage, r.cover),
      mediaCount: r.mediaCount,
      ...visibleCounts(r, false),
    })),
    nextCursor:
      rows.length > limit && last
        ? encodeExploreCursor({ snapshotId: last.snapshotId, rank: last.rank })
        : null,
  };
}
