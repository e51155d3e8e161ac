import "server-only";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { comments, likes, postMedia, posts, users } from "@/db/schema";
import { toCommentView } from "@/lib/comments/queries";
import { viewerStateFor } from "@/lib/likes/queries";
import { decodeCursor, type Keyset, toPage } from "@/lib/pagination/cursor";
import { descIndexed, olderThan } from "@/lib/pagination/keyset";
import { postWithAuthorColumns, toPostView } from "@/lib/posts/queries";
import type { FeedPost, Page } from "@/lib/posts/types";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";

export const FEED_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 30;
/** The fast path reads at most this many of the newest posts of everyone (see feedPageIds). */
const FAST_SCAN_ROWS = 1000;
/** Below this many followees the per-followee merge is cheap enough to go first. */
const FAST_MIN_FOLLOWING = 100;

// Every ORDER BY says "nulls last" to match the indexes (drizzle's .desc() builds DESC NULLS
// LAST); a plain DESC would sort instead of reading the index in order.

/**
 * The ids of one feed page (`take` = limit + 1 rows), newest first: visible posts of active
 * authors the viewer follows, and the viewer's own. Two plans in one statement, both reading
 * indexes in (created_at, id) order and stopping early, so the cost does not grow with the table:
 * - fast: walk posts_created_idx from the cursor, keeping posts whose author is followed (one
 *   primary-key probe of follows each). Wins when the followees post often relative to everyone.
 *   It reads at most FAST_SCAN_ROWS rows, and only for viewers following many people.
 * - merge: when the fast path did not find a full page, the newest `take` posts of each followee
 *   (LATERAL on posts_author_created_idx) merged by a top-N sort: bounded by followees x take.
 * Either answer is exact: a page from the fast path holds every followed post newer than its
 * last row, because the scan saw all posts that new. The followees come through
 * unnest(array(...)), which the planner counts as a few rows: costed at 2,000 followees the
 * never-run merge pushed the estimate past jit_above_cost and every run paid ~20-40 ms of JIT.
 */
function feedPageIds(viewerId: string, after: Keyset | null, take: number): SQL {
  const older = after ? sql`and ${olderThan(posts.createdAt, posts.id, after)}` : sql``;
  return sql`(
    with fast as (
      select recent.id, recent.created_at from (
        select ${posts.id}, ${posts.createdAt}, ${posts.authorId} from ${posts}
        where ${posts.status} = 'visible' ${older}
          and (select v.following_count from users v where v.id = ${viewerId}) >= ${sql.raw(String(FAST_MIN_FOLLOWING))}
        order by ${posts.createdAt} desc nulls last, ${posts.id} desc nulls last
        limit ${sql.raw(String(FAST_SCAN_ROWS))}
      ) recent
      where (recent.author_id = ${viewerId} or exists (
          select 1 from follows f where f.follower_id = ${viewerId} and f.followee_id = recent.author_id))
        and (select a.status from users a where a.id = recent.author_id) = 'active'
      order by recent.created_at desc nulls last, recent.id desc nulls last
      limit ${take}
    )
    select id from fast where (select count(*) from fast) = ${take}
    union all
    (select merged.id
      from unnest(array(
        select f.followee_id from follows f where f.follower_id = ${viewerId}
      ) || ${viewerId}::uuid) as authors(author_id)
      join users a on a.id = authors.author_id and a.status = 'active'
      cross join lateral (
        select ${posts.id}, ${posts.createdAt} from ${posts}
        where ${posts.authorId} = authors.author_id and ${posts.status} = 'visible' ${older}
        order by ${posts.createdAt} desc nulls last, ${posts.id} desc nulls last
        limit ${take}
      ) merged
      where (select count(*) from fast) < ${take}
      order by merged.created_at desc nulls last, merged.id desc nulls last
      limit ${take})
  )`;
}

/** Query 1: the page of posts with their authors. Exported so the bench can EXPLAIN it. */
export function feedPostsQuery(db: Executor, viewerId: string, after: Keyset | null, take: number) {
  return db
    .select(postWithAuthorColumns)
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(inArray(posts.id, feedPageIds(viewerId, after, take)))
    .orderBy(descIndexed(posts.createdAt), descIndexed(posts.id));
}

/** Query 2: the photos of the page's posts, in order. */
function mediaOf(db: Executor, postIds: string[]) {
  return db
    .select({
      id: postMedia.id,
      postId: postMedia.postId,
      width: postMedia.width,
      height: postMedia.height,
      placeholder: postMedia.placeholder,
      alt: postMedia.alt,
      variants: postMedia.variants,
    })
    .from(postMedia)
    .where(inArray(postMedia.postId, postIds))
    .orderBy(asc(postMedia.postId), asc(postMedia.position));
}

/**
 * Query 4: the two newest shown comments of each post (visible, by an active account). A LATERAL
 * top-2 per post reads comments_post_created_idx and stops; lib/comments' latestCommentsFor ranks
 * every comment of each post with a window function, which bench:feed measured at ~4x the
 * database CPU of this on a page of ten posts (the posts here are already visible, by active
 * authors).
 */
function latestCommentsOf(db: Executor, postIds: string[]) {
  const latest = db
    .select({
      id: comments.id,
      body: comments.body,
      createdAt: comments.createdAt,
      authorId: comments.authorId,
      username: users.username,
      name: users.name,
      avatarKey: users.avatarKey,
    })
    .from(comments)
    .innerJoin(users, and(eq(users.id, comments.authorId), eq(users.status, "active")))
    .where(and(sql`${comments.postId} = ${posts.id}`, eq(comments.status, "visible")))
    .orderBy(sql`${comments.createdAt} desc nulls last`, sql`${comments.id} desc nulls last`)
    .limit(2)
    .as("latest_comments");
  return db
    .select({
      postId: posts.id,
      postAuthorId: posts.authorId,
      id: latest.id,
      body: latest.body,
      createdAt: latest.createdAt,
      authorId: latest.authorId,
      username: latest.username,
      name: latest.name,
      avatarKey: latest.avatarKey,
    })
    .from(posts)
    .innerJoinLateral(latest, sql`true`)
    .where(inArray(posts.id, postIds));
}

/**
 * Query 5: the newest active liker of each post: a LATERAL top-1 on likes_post_created_idx, where
 * lib/likes' latestLikersFor (DISTINCT ON) reads and joins every like of each post (~9x the
 * database CPU on a page of ten posts in bench:feed, and it grows with a post's likes).
 */
function latestLikersOf(db: Executor, postIds: string[]) {
  const liker = db
    .select({ username: users.username })
    .from(likes)
    .innerJoin(users, and(eq(users.id, likes.userId), eq(users.status, "active")))
    .where(sql`${likes.postId} = ${posts.id}`)
    .orderBy(sql`${likes.createdAt} desc nulls last`, asc(likes.userId))
    .limit(1)
    .as("latest_liker");
  return db
    .select({ postId: posts.id, username: liker.username })
    .from(posts)
    .innerJoinLateral(liker, sql`true`)
    .where(inArray(posts.id, postIds));
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/**
 * The home feed: visible posts of the active people the viewer follows and the viewer's own,
 * newest first, keyset-paged on (created_at, id). Six statements per page whatever its size
 * (one for an empty page); null when the cursor is malformed.
 */
export async function listFeedPage(
  db: Executor,
  params: { viewerId: string; cursor?: string | null; limit?: number },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Page<FeedPost> | null> {
  const limit = Math.min(Math.max(params.limit ?? FEED_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const after = params.cursor ? decodeCursor(params.cursor) : null;
  if (params.cursor && !after) return null;
  const { viewerId } = params;
  // Named (prepared) statements: postgres.js parses and describes each once per connection and
  // then needs one round trip per run, where an unnamed statement with parameters takes two.
  // Names carry the SQL's shape (cursor or not, number of ids), as node-postgres would need.
  const rows = await feedPostsQuery(db, viewerId, after, limit + 1)
    .prepare(after ? "feed_posts_after" : "feed_posts_first")
    .execute();
  const ids = rows.slice(0, limit).map((r) => r.id);
  if (ids.length === 0) return { items: [], nextCursor: null };

  // Then the rest of the page at once: photos (1), the viewer's likes and saves (2), the two
  // newest comments (1) and the newest liker (1) of every post on it.
  const n = ids.length;
  const [media, state, talk, likers] = await Promise.all([
    mediaOf(db, ids).prepare(`feed_media_${n}`).execute(),
    viewerStateFor(db, viewerId, ids),
    latestCommentsOf(db, ids).prepare(`feed_comments_${n}`).execute(),
    latestLikersOf(db, ids).prepare(`feed_likers_${n}`).execute(),
  ]);
  const mediaByPost = groupBy(media, (m) => m.postId);
  // Newest two per post, shown oldest first (as under a post).
  const talkByPost = groupBy(
    talk.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1)),
    (c) => c.postId,
  );
  const likerOf = new Map(likers.map((l) => [l.postId, { username: l.username }]));

  return toPage(
    rows,
    limit,
    (r) => ({ createdAt: r.createdAt, id: r.id }),
    (r): FeedPost => ({
      ...toPostView(storage, r, mediaByPost.get(r.id) ?? [], viewerId),
      viewerHasLiked: state.liked.has(r.id),
      viewerHasSaved: state.saved.has(r.id),
      latestComments: (talkByPost.get(r.id) ?? []).map((c) => toCommentView(storage, c, viewerId)),
      latestLiker: likerOf.get(r.id) ?? null,
    }),
  );
}
