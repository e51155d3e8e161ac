import "server-only";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { hashtags, postHashtags, posts, users } from "@/db/schema";
import { encodeCursor, type Keyset } from "@/lib/pagination/cursor";
import { pageParams } from "@/lib/pagination/page-params";
import { notBlockedBetween } from "@/lib/shared/blocks";
import type { GridItem, Page } from "@/lib/shared/post-views";
import { canSeePostsOf } from "@/lib/shared/private-accounts";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import { toGridItems } from "./grid";
import { postScoreSql } from "./service";
import { normalizeTag } from "./validation";

export const TAG_PAGE_SIZE = 18;
export const TOP_POSTS = 9;
/** Top posts are the best-scored among the tag's newest this many posts. */
const TOP_CANDIDATES = 500;

export type TagPageView = {
  tag: string;
  /** posts carrying the tag (hashtags.post_count); 0 for a tag nobody used */
  postCount: number;
  /** the first page only: the best TOP_POSTS posts by score; [] on later pages */
  top: GridItem[];
  /** newest first, keyset-paged */
  recent: Page<GridItem>;
};

/**
 * `(linked_at, post_id)` after the cursor in the order of post_hashtags_tag_created_idx
 * (created_at desc, post_id asc), written so the index range starts at the cursor.
 */
function afterLink(k: Keyset): SQL {
  const at = sql`${k.createdAt.toISOString()}::timestamptz`;
  return sql`${postHashtags.createdAt} <= ${at} and (${postHashtags.createdAt} < ${at} or ${postHashtags.postId} > ${k.id}::uuid)`;
}

/**
 * Query of the recent grid: visible posts of active authors the viewer may see (none blocked
 * either way with the viewer; a private account's only by its followers), newest link first (for
 * EXPLAIN).
 */
export function tagRecentQuery(
  db: Executor,
  hashtagId: string,
  after: Keyset | null,
  take: number,
  viewerId: string | null,
) {
  return db
    .select({
      id: posts.id,
      likeCount: posts.likeCount,
      commentCount: posts.commentCount,
      hideLikeCount: posts.hideLikeCount,
      commentsOff: posts.commentsOff,
      linkedAt: postHashtags.createdAt,
    })
    .from(postHashtags)
    .innerJoin(posts, eq(posts.id, postHashtags.postId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        eq(postHashtags.hashtagId, hashtagId),
        after ? afterLink(after) : undefined,
        eq(posts.status, "visible"),
        eq(users.status, "active"),
        notBlockedBetween(viewerId, posts.authorId),
        canSeePostsOf(viewerId, posts.authorId, users.isPrivate),
      ),
    )
    .orderBy(sql`${postHashtags.createdAt} desc nulls last`, asc(postHashtags.postId))
    .limit(take);
}

function topQuery(db: Executor, hashtagId: string, now: Date, viewerId: string | null) {
  const score = postScoreSql(now);
  return db
    .select({
      id: posts.id,
      likeCount: posts.likeCount,
      commentCount: posts.commentCount,
      hideLikeCount: posts.hideLikeCount,
      commentsOff: posts.commentsOff,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        inArray(
          posts.id,
          sql`(select ph.post_id from post_hashtags ph where ph.hashtag_id = ${hashtagId}
            order by ph.created_at desc nulls last, ph.post_id limit ${TOP_CANDIDATES})`,
        ),
        eq(posts.status, "visible"),
        eq(users.status, "active"),
        notBlockedBetween(viewerId, posts.authorId),
        canSeePostsOf(viewerId, posts.authorId, users.isPrivate),
      ),
    )
    .orderBy(desc(score), desc(posts.id))
    .limit(TOP_POSTS);
}

/**
 * A tag's page: its post count, on the first page its top posts (by postScore as of `now`,
 * among its newest 500), and its posts newest first, keyset-paged on (linked_at, post_id).
 * Null when the tag or the cursor is malformed; an unknown tag gives an empty page.
 */
export async function tagPage(
  db: Executor,
  params: {
    tag: string;
    viewerId: string;
    cursor?: string | null;
    limit?: number;
    now?: Date;
    /** false: skip the top posts (a route that only pages the recent grid) */
    withTop?: boolean;
  },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<TagPageView | null> {
  const tag = normalizeTag(params.tag);
  if (!tag) return null;
  const page = pageParams(params, { fallback: TAG_PAGE_SIZE, max: 60 });
  if (!page) return null;
  const { limit, after } = page;
  const [row] = await db
    .select({ id: hashtags.id, postCount: hashtags.postCount })
    .from(hashtags)
    .where(eq(hashtags.tag, tag));
  if (!row) return { tag, postCount: 0, top: [], recent: { items: [], nextCursor: null } };
  const [recentRows, topRows] = await Promise.all([
    tagRecentQuery(db, row.id, after, limit + 1, params.viewerId),
    after || params.withTop === false
      ? Promise.resolve([])
      : topQuery(db, row.id, params.now ?? new Date(), params.viewerId),
  ]);
  const pageRows = recentRows.slice(0, limit);
  const last = pageRows.at(-1);
  const [recent, top] = await Promise.all([
    toGridItems(db, pageRows, storage),
    toGridItems(db, topRows, storage),
  ]);
  return {
    tag,
    postCount: row.postCount,
    top,
    recent: {
      items: recent,
      nextCursor:
        recentRows.length > limit && last
          ? encodeCursor({ createdAt: last.linkedAt, id: last.id })
          : null,
    },
  };
}
