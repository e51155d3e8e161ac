// Bulk data for the feed bench, generated inside PostgreSQL with INSERT ... SELECT generate_series.
// Users and follows are loaded once; posts (one post_media row each), likes, comments and saves
// come in stages, so the same people can be measured on a small set and again on one ten times
// bigger. Counters are recomputed after each stage, then VACUUM ANALYZE.
import type postgres from "postgres";

export const USERS = 10_000;
/** The three measured viewers: users 1..3, following exactly these many people. */
export const VIEWERS = [
  { n: 1, username: "bench_f50", follows: 50 },
  { n: 2, username: "bench_f500", follows: 500 },
  { n: 3, username: "bench_f2000", follows: 2000 },
] as const;
const FOLLOWS = 500_000;
const OTHERS = USERS - VIEWERS.length;

/** Per stage, the post numbers it adds and how many reactions come with them. */
export type Stage = {
  fromPost: number;
  toPost: number;
  likes: number;
  comments: number;
  saves: number;
};

export const SMALL: Stage = {
  fromPost: 1,
  toPost: 30_000,
  likes: 200_000,
  comments: 30_000,
  saves: 20_000,
};
export const GROW: Stage = {
  fromPost: 30_001,
  toPost: 300_000,
  likes: 1_800_000,
  comments: 270_000,
  saves: 180_000,
};

type Sql = postgres.Sql;

/** A UUIDv7-shaped id from a timestamp, so ids sort like created_at (as the app's ids do). */
const UUID7 = `
create or replace function bench.uuid7(ts timestamptz) returns uuid language sql volatile as $$
  select (lpad(to_hex(floor(extract(epoch from ts) * 1000)::bigint), 12, '0') || '7'
    || substr(md5(random()::text), 1, 3) || to_hex(8 + floor(random() * 4)::int)
    || substr(md5(random()::text), 1, 15))::uuid
$$`;

async function session(sql: Sql) {
  // A throwaway database: skip FK triggers and WAL flushes while loading.
  await sql.unsafe("set session_replication_role = replica");
  await sql.unsafe("set synchronous_commit = off");
  await sql.unsafe("set work_mem = '256MB'");
  await sql.unsafe("set maintenance_work_mem = '512MB'");
}

/** 10,000 users (1% suspended, never a viewer) and 500,000 follows; viewers follow 50/500/2,000. */
export async function loadPeople(sql: Sql): Promise<void> {
  await session(sql);
  await sql.unsafe("create schema bench");
  await sql.unsafe(UUID7);
  await sql.unsafe("create table bench.users (n int primary key, id uuid not null)");
  await sql.unsafe(
    "create table bench.posts (n int primary key, id uuid not null, created_at timestamptz not null)",
  );
  await sql.unsafe(`
    insert into bench.users (n, id)
    select n, bench.uuid7(now() - interval '400 days' + n * interval '1 minute')
    from generate_series(1, ${USERS}) n`);
  const names = VIEWERS.map((v) => `when ${v.n} then '${v.username}'`).join(" ");
  // The hash is never checked: the bench signs its sessions in by minting the JWT itself.
  await sql.unsafe(`
    insert into users (id, username, email, password_hash, name, bio, status, created_at)
    select b.id, u.username, u.username || '@bench.test', 'bench-no-password', 'Bench ' || b.n,
      'Photos and more', case when b.n > 3 and b.n % 100 = 50 then 'suspended' else 'active' end::user_status,
      now() - interval '400 days' + b.n * interval '1 minute'
    from bench.users b
    cross join lateral (select case b.n ${names} else 'user_' || b.n end as username) u`);
  // One account in ten is private (never a viewer): the feed shows them to their followers.
  await sql.unsafe(`
    update users u set is_private = true from bench.users b
    where b.id = u.id and b.n > 3 and b.n % 10 = 7`);
  // Viewers follow people spread evenly over everyone (popular and quiet alike).
  for (const v of VIEWERS) {
    const stride = Math.floor(OTHERS / v.follows);
    await sql.unsafe(`
      insert into follows (follower_id, followee_id, created_at)
      select f.id, e.id, now() - random() * interval '300 days'
      from bench.users f, generate_series(0, ${v.follows - 1}) j
      join bench.users e on e.n = 4 + (j * ${stride} + ${v.n}) % ${OTHERS}
      where f.n = ${v.n}`);
  }
  // Everyone else follows ~50 people, skewed towards a popular few.
  const rest = FOLLOWS - VIEWERS.reduce((s, v) => s + v.follows, 0);
  await sql.unsafe(`
    insert into follows (follower_id, followee_id, created_at)
    select f.id, e.id, now() - random() * interval '300 days'
    from (
      select f, e from (
        select distinct f, e from (
          select f.n as f, 1 + floor(${USERS} * power(random(), 2))::int as e
          from generate_series(4, ${USERS}) f(n), generate_series(1, 62) g
        ) c where e <> f
      ) c
      order by random() limit ${rest}
    ) d
    join bench.users f on f.n = d.f
    join bench.users e on e.n = d.e`);
  await loadBlocksAndMutes(sql);
}

/** Random pairs of other people blocking each other, so the blocks table is not tiny. */
const OTHER_BLOCKS = 50_000;
/** Random mutes between other people (posts, comments or both), for the same reason. */
const OTHER_MUTES = 20_000;

/**
 * #15's load: "1% of the bench viewers' followees blocked or muted". A block removes the follows
 * both ways, so blocking followees would change the viewers' follow counts (viewers() checks
 * them). Instead each viewer blocks 1% as many accounts as they follow (at least one) among people
 * they do NOT follow, as many such people block the viewer, and the viewer mutes the posts of 1%
 * of their followees (mutes.posts = true): the feed's anti-joins then find matching rows for
 * every kind. Other people block OTHER_BLOCKS random pairs of each other (the follows across every
 * block are deleted, as the block action does) and mute OTHER_MUTES others: with a table of a few
 * rows the planner would rightly read it whole, which says nothing about the real one.
 */
async function loadBlocksAndMutes(sql: Sql): Promise<void> {
  for (const v of VIEWERS) {
    const some = Math.max(1, Math.round(v.follows / 100));
    const notFollowed = `
      select e.id, row_number() over (order by random()) as r from bench.users e
      where e.n > 3 and not exists (
        select 1 from follows f join bench.users me on me.id = f.follower_id
        where me.n = ${v.n} and f.followee_id = e.id)`;
    await sql.unsafe(`
      with pick as (${notFollowed}), me as (select id from bench.users where n = ${v.n})
      insert into blocks (blocker_id, blocked_id, created_at)
      select case when pick.r <= ${some} then me.id else pick.id end,
        case when pick.r <= ${some} then pick.id else me.id end,
        now() - random() * interval '100 days'
      from pick, me where pick.r <= ${2 * some}`);
    await sql.unsafe(`
      insert into mutes (muter_id, muted_id, posts, comments, created_at, updated_at)
      select f.follower_id, f.followee_id, true, false, now(), now()
      from follows f join bench.users me on me.id = f.follower_id
      where me.n = ${v.n}
      order by random() limit ${some}`);
  }
  await sql.unsafe(`
    insert into blocks (blocker_id, blocked_id, created_at)
    select a.id, b.id, now() - random() * interval '300 days'
    from (
      select distinct a, b from (
        select 4 + floor(${OTHERS} * random())::int as a, 4 + floor(${OTHERS} * random())::int as b
        from generate_series(1, ${Math.ceil(OTHER_BLOCKS * 1.02)})
      ) c where a <> b limit ${OTHER_BLOCKS}
    ) d
    join bench.users a on a.n = d.a
    join bench.users b on b.n = d.b`);
  await sql.unsafe(`
    insert into mutes (muter_id, muted_id, posts, comments, created_at, updated_at)
    select a.id, b.id, d.k <> 1, d.k <> 0, now(), now()
    from (
      select distinct on (a, b) a, b, k from (
        select 4 + floor(${OTHERS} * random())::int as a, 4 + floor(${OTHERS} * random())::int as b,
          floor(random() * 3)::int as k
        from generate_series(1, ${Math.ceil(OTHER_MUTES * 1.02)})
      ) c where a <> b limit ${OTHER_MUTES}
    ) d
    join bench.users a on a.n = d.a
    join bench.users b on b.n = d.b
    on conflict do nothing`);
  await sql.unsafe(`
    delete from follows f using blocks b
    where f.follower_id = b.blocker_id and f.followee_id = b.blocked_id`);
  await sql.unsafe(`
    delete from follows f using blocks b
    where f.follower_id = b.blocked_id and f.followee_id = b.blocker_id`);
}

/** Adds posts `fromPost..toPost` with their media, likes, comments and saves, then fixes counters. */
export async function loadStage(sql: Sql, stage: Stage): Promise<void> {
  await session(sql);
  const { fromPost: a, toPost: b } = stage;
  const count = b - a + 1;
  // Authors skewed (a few post a lot); each viewer also posts now and then. 2% are removed.
  await sql.unsafe(`
    insert into bench.posts (n, id, created_at)
    select n, bench.uuid7(t), t from (
      select n, date_trunc('milliseconds', now() - random() * interval '365 days') as t
      from generate_series(${a}, ${b}) n
    ) s`);
  await sql.unsafe(`
    insert into posts (id, author_id, caption, status, created_at, updated_at)
    select p.id, u.id, 'Post number ' || p.n || ' #bench #photo',
      case when p.n % 50 = 7 then 'removed' else 'visible' end::post_status, p.created_at, p.created_at
    from (
      select p.*, case when p.n % 10000 < 3 then 1 + p.n % 10000
        else 4 + floor(${OTHERS} * power(random(), 1.5))::int end as an
      from bench.posts p where p.n between ${a} and ${b}
    ) p
    join bench.users u on u.n = p.an`);
  const variants = (n: string) =>
    `jsonb_build_array(${[1080, 640, 320]
      .map(
        (w) =>
          `jsonb_build_object('key', 'posts/' || ${n} || '/m-${w}.webp', 'width', ${w}, 'height', ${(w * 5) / 4})`,
      )
      .join(", ")})`;
  await sql.unsafe(`
    insert into post_media (id, post_id, position, variants, width, height, placeholder, alt)
    select bench.uuid7(p.created_at), p.id, 0, ${variants("p.id::text")}, 1080, 1350,
      'data:image/webp;base64,' || repeat('UklGRkAAAABXRUJQVlA4IDQAAADQAQCdASoQABQAPm0w', 3), ''
    from bench.posts p where p.n between ${a} and ${b}`);
  // Likes skewed towards some posts; (post, user) pairs made distinct before inserting.
  await sql.unsafe(`
    insert into likes (post_id, user_id, created_at)
    select p.id, u.id, p.created_at + random() * (now() - p.created_at)
    from (
      select distinct pn, un from (
        select ${a} + floor(${count} * power(random(), 2))::int as pn,
          1 + floor(${USERS} * random())::int as un
        from generate_series(1, ${Math.ceil(stage.likes * 1.1)})
      ) c limit ${stage.likes}
    ) d
    join bench.posts p on p.n = d.pn
    join bench.users u on u.n = d.un
    order by p.id`);
  await sql.unsafe(`
    insert into comments (id, post_id, author_id, body, status, created_at)
    select bench.uuid7(t), p.id, u.id, 'Nice shot ' || g, case when g % 40 = 0 then 'removed' else 'visible' end::comment_status, t
    from (
      select g, ${a} + floor(${count} * power(random(), 2))::int as pn,
        1 + floor(${USERS} * random())::int as un, random() as r
      from generate_series(1, ${stage.comments}) g
    ) d
    join bench.posts p on p.n = d.pn
    join bench.users u on u.n = d.un
    cross join lateral (select date_trunc('milliseconds', p.created_at + d.r * (now() - p.created_at)) as t) tt`);
  await sql.unsafe(`
    insert into saves (user_id, post_id, created_at)
    select u.id, p.id, now() - random() * interval '30 days'
    from (
      select distinct ${a} + floor(${count} * random())::int as pn, 1 + floor(${USERS} * random())::int as un
      from generate_series(1, ${Math.ceil(stage.saves * 1.05)})
      limit ${stage.saves}
    ) d
    join bench.posts p on p.n = d.pn
    join bench.users u on u.n = d.un`);
  await fixCounters(sql);
  await sql.unsafe("vacuum analyze");
}

/** Every denormalised counter recomputed from the rows, as the app's transactions keep them. */
async function fixCounters(sql: Sql): Promise<void> {
  await sql.unsafe(`
    update posts p set like_count = c.likes, comment_count = c.comments
    from (
      select p.id, coalesce(l.n, 0)::int as likes, coalesce(c.n, 0)::int as comments
      from posts p
      left join (select post_id, count(*) as n from likes group by post_id) l on l.post_id = p.id
      left join (select post_id, count(*) as n from comments where status = 'visible' group by post_id) c
        on c.post_id = p.id
    ) c
    where c.id = p.id and (p.like_count, p.comment_count) is distinct from (c.likes, c.comments)`);
  await sql.unsafe(`
    update users u set follower_count = c.followers, following_count = c.following, post_count = c.posts
    from (
      select u.id, coalesce(fr.n, 0)::int as followers, coalesce(fg.n, 0)::int as following,
        coalesce(p.n, 0)::int as posts
      from users u
      left join (select followee_id, count(*) as n from follows group by followee_id) fr on fr.followee_id = u.id
      left join (select follower_id, count(*) as n from follows group by follower_id) fg on fg.follower_id = u.id
      left join (select author_id, count(*) as n from posts group by author_id) p on p.author_id = u.id
    ) c
    where c.id = u.id`);
}

/** Table sizes, to print what was measured. */
export async function counts(sql: Sql): Promise<Record<string, number>> {
  const [row] = await sql.unsafe<{ [k: string]: number }[]>(`
    select (select count(*) from users)::int as users, (select count(*) from posts)::int as posts,
      (select count(*) from post_media)::int as post_media, (select count(*) from follows)::int as follows,
      (select count(*) from likes)::int as likes, (select count(*) from comments)::int as comments,
      (select count(*) from saves)::int as saves, (select count(*) from blocks)::int as blocks,
      (select count(*) from mutes)::int as mutes`);
  return row ?? {};
}
