// What bench:discover adds to the feed bench's data set (scripts/bench/load-data.ts): realistic
// names to search, 2,000 hashtags linked to the posts (a long tail, a few tags rising in the last
// 24 hours), and the typeahead queries to send.
import type postgres from "postgres";

const FIRST = [
  "Ana",
  "Bruno",
  "Carla",
  "Diego",
  "Elena",
  "Felipe",
  "Gabriela",
  "Hugo",
  "Isabel",
  "João",
  "Karin",
  "Lucas",
  "Mariana",
  "Nina",
  "Otto",
  "Paula",
  "Rafael",
  "Sofia",
  "Tiago",
  "Vera",
  "William",
  "Yara",
  "Zoe",
  "Benjamin",
  "Chloé",
  "Dev",
  "Emma",
  "Fatima",
  "Liam",
  "Mei",
];
const LAST = [
  "Lima",
  "Silva",
  "Souza",
  "Costa",
  "Rao",
  "Kowalski",
  "Martin",
  "Nguyen",
  "Smith",
  "Müller",
  "Rossi",
  "Garcia",
  "Tanaka",
  "Haddad",
  "Okafor",
  "Novak",
  "Berg",
  "Dubois",
  "Kim",
  "Santos",
];
const WORDS = [
  "travel",
  "food",
  "sunset",
  "city",
  "beach",
  "forest",
  "coffee",
  "street",
  "night",
  "music",
  "art",
  "design",
  "dog",
  "cat",
  "mountain",
  "ocean",
  "summer",
  "winter",
  "family",
  "friends",
  "fitness",
  "fashion",
  "nature",
  "sky",
  "flowers",
  "books",
  "garden",
  "bike",
  "run",
  "film",
  "photo",
  "portrait",
  "desert",
  "snow",
  "rain",
  "market",
  "bread",
  "pizza",
  "tea",
  "vintage",
];
export const TAGS = 2000;
const RISING = ["eclipse2026", "worldcupfinal", "newalbum"];

const list = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(", ")}]`;

/** People get first and last names; all but the bench viewers get usernames made of them. */
export async function loadNames(sql: postgres.Sql): Promise<void> {
  await sql.unsafe(`
    update users u set
      name = f.first || ' ' || f.last,
      username = case when b.n <= 3 then u.username
        else lower(translate(f.first, 'éãçüö', 'eacuo')) || '.' || lower(translate(f.last, 'éãçüö', 'eacuo')) || b.n end
    from bench.users b
    cross join lateral (select (${list(FIRST)})[1 + b.n % ${FIRST.length}] as first,
      (${list(LAST)})[1 + (b.n / ${FIRST.length}) % ${LAST.length}] as last) f
    where u.id = b.id`);
}

/**
 * 2,000 tags (word + number, popularity skewed) on 0-3 tags per post, linked when the post was
 * made; three tags are used mostly in the last 24 hours (rising). Then exact post counts.
 */
export async function loadHashtags(sql: postgres.Sql): Promise<void> {
  await sql.unsafe("set session_replication_role = replica");
  await sql.unsafe(`
    insert into hashtags (id, tag, created_at)
    select gen_random_uuid(), (${list(WORDS)})[1 + g % ${WORDS.length}] || (g / ${WORDS.length}), now() - interval '400 days'
    from generate_series(0, ${TAGS - 1 - RISING.length}) g
    union all
    select gen_random_uuid(), t, now() - interval '2 days' from unnest(${list(RISING)}) t`);
  await sql.unsafe(`create table bench.tags as
    select row_number() over (order by created_at, tag) as k, id from hashtags`);
  await sql.unsafe("create index on bench.tags (k)");
  await sql.unsafe(`
    insert into post_hashtags (post_id, hashtag_id, created_at)
    select p.id, t.id, p.created_at
    from posts p
    cross join lateral generate_series(1, (abs(hashtext(p.id::text)) % 4)) j
    -- Pseudo-random but not volatile, so the join to bench.tags can hash.
    cross join lateral (select (abs(hashtext(p.id::text || ':' || j)) % 1000000) / 1000000.0 as r) x
    join bench.tags t on t.k = 1 + floor(${TAGS - RISING.length} * power(x.r, 3))::int
    on conflict do nothing`);
  // Rising tags: ~60 recent posts each, most of them in the last 24 hours.
  await sql.unsafe(`
    insert into post_hashtags (post_id, hashtag_id, created_at)
    select p.id, h.id, p.created_at
    from hashtags h
    cross join lateral (
      select id, created_at from posts
      where status = 'visible' and created_at > now() - interval '3 days'
      order by hashtext(id::text || h.tag) limit 60
    ) p
    where h.tag in (select unnest(${list(RISING)}))
    on conflict do nothing`);
  await sql.unsafe(`
    update hashtags h set post_count = c.n
    from (select hashtag_id, count(*)::int as n from post_hashtags group by hashtag_id) c
    where c.hashtag_id = h.id`);
  await sql.unsafe("set session_replication_role = origin");
  await sql.unsafe("vacuum analyze users, hashtags, post_hashtags");
}

/** Typeahead queries the load cycles through: prefixes, names, typos, tags, garbage. */
export const SEARCHES = [
  "a",
  "an",
  "ana",
  "mar",
  "mariana",
  "lima",
  "ana lima",
  "benjamni",
  "kowalsky",
  "chloe.m",
  "sofia.s",
  "#sun",
  "#travel1",
  "coff",
  "eclipse",
  "rao",
  "j",
  "müller",
  "%_",
  "zz",
];

/**
 * `n` different typeahead queries drawn from the data, none of them in SEARCHES: prefixes of
 * usernames and names (4 to 12 characters), every fourth with two letters swapped (a typo, so
 * the fuzzy phase runs), and tag prefixes. Each one is new to the server's memory of answers.
 */
export async function distinctQueries(sql: postgres.Sql, n: number): Promise<string[]> {
  const rows = await sql<{ q: string }[]>`
    with source as (
      select username as s, hashtext(id::text) as h from users where username not like 'bench_f%'
      union all select name, hashtext(id::text || 'n') from users
      union all select '#' || tag, hashtext(tag) from hashtags),
    cut as (select left(s, 4 + abs(h) % 9) as q, h from source),
    typo as (
      select case when abs(h) % 4 = 0 and length(q) >= 5
        then left(q, 2) || substr(q, 4, 1) || substr(q, 3, 1) || substr(q, 5) else q end as q, h
      from cut)
    select q from (select distinct on (lower(q)) q, h from typo order by lower(q), h) d
    where lower(q) <> all(${sql.array(SEARCHES.map((x) => x.toLowerCase()))})
    order by h limit ${n}`;
  return rows.map((r) => r.q);
}
