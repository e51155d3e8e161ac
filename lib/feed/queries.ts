import "server-only";
import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { posts, users } from "@/db/schema";
import { toCommentView } from "@/lib/comments/queries";
import { type Keyset, toPage } from "@/lib/pagination/cursor";
import { descIndexed } from "@/lib/pagination/keyset";
import { pageParams } from "@/lib/pagination/page-params";
import { postWithAuthorColumns, toPostView } from "@/lib/posts/queries";
import { notBlockedBetween, notMutedComments, notMutedPosts } from "@/lib/shared/blocks";
import type { MediaRow } from "@/lib/shared/media";
import type { FeedPost, Page } from "@/lib/shared/post-views";
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

/** The values a feed statement takes; the statement text is built once per database. */
type FeedParams = {
  viewer: string;
  take: number;
  afterAt?: string;
  afterId?: string;
};
const viewer = sql.placeholder("viewer");
const take = sql.placeholder("take");
const olderThanCursor = sql`and (${posts.createdAt}, ${posts.id}) < (${sql.placeholder("afterAt")}::timestamptz, ${sql.placeholder("afterId")}::uuid)`;

/**
 * The ids of one feed page (`take` = limit + 1 rows), newest first: visible posts of active
 * authors the viewer follows, and the viewer's own; never of an author whose posts the viewer
 * muted or who is blocked either way (one primary-key probe each, per author in the merge). Two plans in one statement, both reading
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
function feedPageIds(withCursor: boolean): SQL {
  const older = withCursor ? olderThanCursor : sql``;
  return sql`(
    with fast as (
      select recent.id, recent.created_at from (
        select ${posts.id}, ${posts.createdAt}, ${posts.authorId} from ${posts}
        where ${posts.status} = 'visible' ${older}
          and (select v.following_count from users v where v.id = ${viewer}::uuid) >= ${sql.raw(String(FAST_MIN_FOLLOWING))}
        order by ${posts.createdAt} desc nulls last, ${posts.id} desc nulls last
        limit ${sql.raw(String(FAST_SCAN_ROWS))}
      ) recent
      where (recent.author_id = ${viewer}::uuid or exists (
          select 1 from follows f where f.follower_id = ${viewer}::uuid and f.followee_id = recent.author_id))
        and (select a.status from users a where a.id = recent.author_id) = 'active'
        and ${notMutedPosts(viewer, sql`recent.author_id`)}
        and ${notBlockedBetween(viewer, sql`recent.author_id`)}
      order by recent.created_at desc nulls last, recent.id desc nulls last
      limit ${take}
    )
    select id from fast where (select count(*) from fast) = ${take}
    union all
    (select merged.id
      from unnest(array(
        select f.followee_id from follows f where f.follower_id = ${viewer}::uuid
      ) || ${viewer}::uuid) as authors(author_id)
      join users a on a.id = authors.author_id and a.status = 'active'
        and ${notMutedPosts(viewer, sql`authors.author_id`)}
        and ${notBlockedBetween(viewer, sql`authors.author_id`)}
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

/** A post's photos in order, as JSON. */
const mediaJson = sql<MediaRow[]>`coalesce((
  select json_agg(json_build_object('id', m.id, 'width', m.width, 'height', m.height,
      'placeholder', m.placeholder, 'alt', m.alt, 'variants', m.variants) order by m.position)
  from post_media m where m.post_id = ${posts.id}), '[]'::json)`;

/**
 * The two newest shown comments of a post (visible, approved, by an active account), oldest of the two
 * first, as JSON: a top-2 on comments_post_created_idx that stops (lib/comments' latestCommentsFor
 * ranks every comment with a window function, ~4x the database CPU on a page in bench:feed).
 */
const latestCommentsJson = sql<CommentJson[]>`coalesce((
  select json_agg(json_build_object('id', c.id, 'body', c.body, 'createdAt', c.created_at,
      'authorId', c.author_id, 'username', c.username, 'name', c.name, 'avatarKey', c.avatar_key)
    order by c.created_at, c.id)
  from (
    select c.id, c.body, c.created_at, c.author_id, u.username, u.name, u.avatar_key
    from comments c join users u on u.id = c.author_id and u.status = 'active'
    where c.post_id = ${posts.id} and c.status = 'visible' and not c.pending_approval
      and ${notBlockedBetween(viewer, sql`c.author_id`)}
      and ${notMutedComments(viewer, sql`c.author_id`)}
    order by c.created_at desc nulls last, c.id desc nulls last
    limit 2
  ) c), '[]'::json)`;

/**
 * The newest active liker of a post, for "liked by X and N others": a top-1 on
 * likes_post_created_idx (lib/likes' DISTINCT ON reads every like of each post).
 */
const latestLikerName = sql<string | null>`(
  select u.username from likes l join users u on u.id = l.user_id and u.status = 'active'
  where l.post_id = ${posts.id}
    and ${notBlockedBetween(viewer, sql`l.user_id`)}
  order by l.created_at desc nulls last, l.user_id
  limit 1)`;

type CommentJson = {
  id: string;
  body: string;
  createdAt: string;
  authorId: string;
  username: string;
  name: string;
  avatarKey: string | null;
};

/**
 * One whole feed page in one statement: the posts with their authors, photos, the viewer's like
 * and save, the two newest comments and the newest liker, each a correlated subquery on the
 * page's rows. Exported so the bench can EXPLAIN it.
 */
export function feedPageSelect(db: Executor, withCursor: boolean) {
  return db
    .select({
      ...postWithAuthorColumns,
      media: mediaJson,
      liked: sql<boolean>`exists(select 1 from likes l where l.user_id = ${viewer}::uuid and l.post_id = ${posts.id})`,
      saved: sql<boolean>`exists(select 1 from saves s where s.user_id = ${viewer}::uuid and s.post_id = ${posts.id})`,
      latestComments: latestCommentsJson,
      latestLiker: latestLikerName,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(inArray(posts.id, feedPageIds(withCursor)))
    .orderBy(descIndexed(posts.createdAt), descIndexed(posts.id));
}

/** The parameters of feedPageSelect for a viewer, a cursor (or none) and a number of rows. */
export function feedPageParams(viewerId: string, after: Keyset | null, rows: number): FeedParams {
  const params: FeedParams = { viewer: viewerId, take: rows };
  if (after) {
    params.afterAt = after.createdAt.toISOString();
    params.afterId = after.id;
  }
  return params;
}

/**
 * The home feed: visible posts of the active people the viewer follows and the viewer's own,
 * newest first, keyset-paged on (created_at, id). One statement per page whatever its size;
 * null when the cursor is malformed.
 */
export async function listFeedPage(
  db: Executor,
  params: { viewerId: string; cursor?: string | null; limit?: number },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Page<FeedPost> | null> {
  const page = pageParams(params, { fallback: FEED_PAGE_SIZE, max: MAX_PAGE_SIZE });
  if (!page) return null;
  const { limit, after } = page;
  const { viewerId } = params;
  const name = after ? "feed_page_after" : "feed_page_first";
  const statement = preparedOnce(db, name, () => feedPageSelect(db, after !== null).prepare(name));
  const rows = await statement.execute(feedPageParams(viewerId, after, limit + 1));
  return toPage(
    rows,
    limit,
    (r) => ({ createdAt: r.createdAt, id: r.id }),
    (r): FeedPost => ({
      ...toPostView(storage, r, r.media, viewerId),
      viewerHasLiked: r.liked,
      viewerHasSaved: r.saved,
      // Comments turned off: none shown, not even the two newest.
      latestComments: (r.commentsOff ? [] : r.latestComments).map((c) =>
        toCommentView(
          storage,
          { ...c, postId: r.id, postAuthorId: r.authorId, createdAt: new Date(c.createdAt) },
          viewerId,
        ),
      ),
      latestLiker: r.latestLiker === null ? null : { username: r.latestLiker },
    }),
  );
}
