import "server-only";
import { and, desc, eq, gt, notInArray, type SQL, sql } from "drizzle-orm";
import type { Db, Executor, Tx } from "@/db/client";
import { discoverRefreshes, exploreSnapshots, hashtags, trendingHashtags } from "@/db/schema";
import { isPublicAccount } from "@/lib/shared/private-accounts";
import { AGE_OFFSET_HOURS, COMMENT_WEIGHT, GRAVITY, rankTrendingTags } from "./ranking";

// The precomputed half of Discover. Rankings are rebuilt at most every REFRESH_MS by the first
// request that finds them stale (or by a scheduled call of refreshExplore / refreshTrending);
// everyone else reads the last ones, so no request ranks all posts.

export const REFRESH_MS = 10 * 60_000;
/** Old explore snapshots stay this long, so cursors of open pages keep their order. */
export const SNAPSHOT_TTL_MS = 2 * 60 * 60_000;
/** Explore candidates: visible posts of the last 30 days... */
export const EXPLORE_WINDOW_DAYS = 30;
/** ...but at least the newest 500 (a quiet instance still has an explore page)... */
export const EXPLORE_MIN_CANDIDATES = 500;
/** ...and at most the 10,000 best of them. */
export const EXPLORE_MAX_CANDIDATES = 10_000;
export const TRENDING_MAX = 30;

const DAY_MS = 24 * 60 * 60_000;
const iso = (d: Date) => d.toISOString();

/**
 * postScore (ranking.ts) in SQL, for the row called "posts" in scope, as of `asOf`. In float8
 * throughout (extract() answers numeric, whose power() is many times slower).
 */
export function postScoreSql(asOf: Date): SQL<number> {
  const ageHours = sql`greatest(extract(epoch from (${iso(asOf)}::timestamptz - "posts"."created_at"))::float8 / 3600, 0)`;
  return sql<number>`(("posts"."like_count" + ${sql.raw(String(COMMENT_WEIGHT))} * "posts"."comment_count" + 1)::float8 / power(${ageHours} + ${sql.raw(String(AGE_OFFSET_HOURS))}, ${sql.raw(`${GRAVITY}::float8`)}))`;
}

/** Rows of db.execute on either driver (postgres.js answers an array, PGlite { rows }). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export type RefreshName = "explore" | "trending";

async function lastRefresh(db: Executor, name: RefreshName): Promise<Date | null> {
  if (name === "explore") return (await findSnapshot(db))?.computedAt ?? null;
  const [row] = await db
    .select({ at: discoverRefreshes.refreshedAt })
    .from(discoverRefreshes)
    .where(eq(discoverRefreshes.name, name));
  return row?.at ?? null;
}

const isFresh = (last: Date | null, now: Date) =>
  last !== null && now.getTime() - last.getTime() < REFRESH_MS;

const rebuilders = { explore: rebuildExplore, trending: rebuildTrending } as const;

/**
 * Rebuilds a ranking when it is older than REFRESH_MS (`last` is when it was built, if the
 * caller knows). One process at a time (an advisory lock); while one rebuilds, the others read
 * the previous ranking instead of waiting, unless there is none yet.
 */
export async function refreshWhenStale(
  db: Db,
  name: RefreshName,
  now = new Date(),
  known?: Date | null,
): Promise<void> {
  const last = known === undefined ? await lastRefresh(db, name) : known;
  if (isFresh(last, now)) return;
  await db.transaction(async (tx) => {
    const key = sql`hashtext(${`snapgram:discover:${name}`})`;
    if (last) {
      const [got] = rowsOf<{ ok: boolean }>(
        await tx.execute(sql`select pg_try_advisory_xact_lock(${key}) as ok`),
      );
      if (!got?.ok) return;
    } else {
      await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
    }
    if (isFresh(await lastRefresh(tx, name), now)) return;
    await rebuild(tx, name, now);
  });
}

async function rebuild(tx: Tx, name: RefreshName, now: Date) {
  await rebuilders[name](tx, now);
  await tx
    .insert(discoverRefreshes)
    .values({ name, refreshedAt: now })
    .onConflictDoUpdate({ target: discoverRefreshes.name, set: { refreshedAt: now } });
}

/** Rebuilds both rankings now, whatever their age (for a scheduler, the seed and tests). */
export async function refreshDiscover(db: Db, now = new Date()): Promise<void> {
  await db.transaction((tx) => rebuild(tx, "explore", now));
  await db.transaction((tx) => rebuild(tx, "trending", now));
}

/** The statement that ranks the candidates into a snapshot (exported for the bench's EXPLAIN). */
export function exploreRankingSql(snapshotId: string, asOf: Date): SQL {
  const since = new Date(asOf.getTime() - EXPLORE_WINDOW_DAYS * DAY_MS);
  const columns = sql.raw("id, author_id, like_count, comment_count, created_at");
  // The candidates are read by posts_created_idx (a range, and the newest 500); the CTE is
  // named "posts" so postScoreSql applies to its rows.
  return sql`
    with posts as (
      select ${columns} from posts w
      where w.status = 'visible' and w.created_at > ${iso(since)}::timestamptz
        and w.created_at <= ${iso(asOf)}::timestamptz
      union
      select ${columns} from (
        select ${columns} from posts x
        where x.status = 'visible' and x.created_at <= ${iso(asOf)}::timestamptz
        order by x.created_at desc nulls last, x.id desc nulls last
        limit ${EXPLORE_MIN_CANDIDATES}
      ) n
    )
    insert into explore_ranks (snapshot_id, rank, post_id, score)
    select ${snapshotId}::uuid, row_number() over (order by c.score desc, c.id desc), c.id, c.score
    from (
      select posts.id, ${postScoreSql(asOf)} as score
      from posts
      join users a on a.id = posts.author_id and a.status = 'active'
        and ${isPublicAccount(sql`a.is_private`)}
      order by score desc, posts.id desc
      limit ${EXPLORE_MAX_CANDIDATES}
    ) c`;
}

/** A new explore snapshot scored as of `now`; snapshots older than SNAPSHOT_TTL_MS go. */
async function rebuildExplore(tx: Tx, now: Date): Promise<void> {
  const [snapshot] = await tx
    .insert(exploreSnapshots)
    .values({ computedAt: now })
    .returning({ id: exploreSnapshots.id });
  if (!snapshot) throw new Error("no explore snapshot");
  await tx.execute(exploreRankingSql(snapshot.id, now));
  await tx
    .update(exploreSnapshots)
    .set({
      candidateCount: sql`(select count(*)::int from explore_ranks r where r.snapshot_id = ${snapshot.id})`,
    })
    .where(eq(exploreSnapshots.id, snapshot.id));
  await tx
    .delete(exploreSnapshots)
    .where(
      sql`${exploreSnapshots.computedAt} < ${iso(new Date(now.getTime() - SNAPSHOT_TTL_MS))}::timestamptz and ${exploreSnapshots.id} <> ${snapshot.id}`,
    );
  // Fresh statistics, or the planner, thinking the new snapshot tiny, sorts all of it per page
  // instead of reading its primary key in rank order up to the page size.
  await tx.execute(sql`analyze explore_ranks`);
}

/** The newest snapshot, or the one a cursor names. */
export async function findSnapshot(db: Executor, id?: string) {
  const [row] = await db
    .select({ id: exploreSnapshots.id, computedAt: exploreSnapshots.computedAt })
    .from(exploreSnapshots)
    .where(id ? eq(exploreSnapshots.id, id) : undefined)
    .orderBy(desc(exploreSnapshots.computedAt), desc(exploreSnapshots.id))
    .limit(1);
  return row ?? null;
}

/**
 * Uses of each tag by visible posts of active public authors in the 7 days before `now`: a private
 * account's tags never make a tag trend.
 */
async function tagUses(tx: Executor, now: Date) {
  const week = new Date(now.getTime() - 7 * DAY_MS);
  const day = new Date(now.getTime() - DAY_MS);
  return rowsOf<{ hashtagId: string; tag: string; uses24h: number; uses7d: number }>(
    await tx.execute(sql`
      select h.id as "hashtagId", h.tag,
        (count(*) filter (where p.created_at > ${iso(day)}::timestamptz))::int as "uses24h",
        count(*)::int as "uses7d"
      from posts p
      join post_hashtags ph on ph.post_id = p.id
      join hashtags h on h.id = ph.hashtag_id
      join users a on a.id = p.author_id and a.status = 'active'
        and ${isPublicAccount(sql`a.is_private`)}
      where p.status = 'visible' and p.created_at > ${iso(week)}::timestamptz
        and p.created_at <= ${iso(now)}::timestamptz
      group by h.id, h.tag`),
  );
}

/** Rising tags by growth score, then the most used tags to fill TRENDING_MAX places. */
async function rebuildTrending(tx: Tx, now: Date): Promise<void> {
  const uses = await tagUses(tx, now);
  const rising = rankTrendingTags(uses).slice(0, TRENDING_MAX);
  const taken = rising.map((t) => t.hashtagId);
  const popular =
    rising.length >= TRENDING_MAX
      ? []
      : await tx
          .select({ hashtagId: hashtags.id })
          .from(hashtags)
          .where(
            and(
              gt(hashtags.postCount, 0),
              taken.length > 0 ? notInArray(hashtags.id, taken) : undefined,
              // Counts include removed posts: a tag must still show something.
              sql`exists (select 1 from post_hashtags ph join posts p on p.id = ph.post_id
                join users a on a.id = p.author_id and a.status = 'active' and not a.is_private
                where ph.hashtag_id = "hashtags"."id" and p.status = 'visible')`,
            ),
          )
          .orderBy(desc(hashtags.postCount), hashtags.tag)
          .limit(TRENDING_MAX - rising.length);
  const usesOf = new Map(uses.map((u) => [u.hashtagId, u]));
  const rows = [
    ...rising,
    ...popular.map((p) => ({
      hashtagId: p.hashtagId,
      uses24h: usesOf.get(p.hashtagId)?.uses24h ?? 0,
      uses7d: usesOf.get(p.hashtagId)?.uses7d ?? 0,
      score: 0,
    })),
  ];
  await tx.delete(trendingHashtags);
  if (rows.length === 0) return;
  await tx.insert(trendingHashtags).values(
    rows.map((r, i) => ({
      hashtagId: r.hashtagId,
      rank: i + 1,
      score: r.score,
      uses24h: r.uses24h,
      uses7d: r.uses7d,
      computedAt: now,
    })),
  );
}
