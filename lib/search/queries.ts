import "server-only";
import { and, desc, eq, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Executor } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { hashtags, recentSearches, users } from "@/db/schema";
import { followedAmong } from "@/lib/follows/queries";
import { pageLimit } from "@/lib/pagination/page-params";
import { blockedAmong, notBlockedBetween } from "@/lib/shared/blocks";
import {
  type PersonRow,
  personColumns,
  toPersonView,
  viewerFollowsColumn,
} from "@/lib/shared/people";
import type { PersonView } from "@/lib/shared/post-views";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import { escapeLike, FUZZY_MIN_LENGTH, normalizeSearchQuery, type SearchQuery } from "./normalize";

// The typeahead: people by username and name, tags by name; prefix matches, or, when nothing
// starts with a query of three characters or more, fuzzy (pg_trgm) look-alikes. Every value is a
// bound parameter;
// LIKE wildcards in the query are escaped, so '%' and '_' match themselves.

export const TYPEAHEAD_LIMIT = 8;

export type TagResult = { tag: string; postCount: number };
export type TypeaheadResult = { users: PersonView[]; tags: TagResult[] };

const EMPTY: TypeaheadResult = { users: [], tags: [] };

type Phase = "prefix" | "fuzzy";
/** The people statement's three shapes: prefix with or without later name words, and fuzzy. */
type PeopleShape = "prefix" | "prefix-words" | "fuzzy";

// Every search statement is built once per database with placeholders and prepared (see
// db/prepared.ts).
const text = sql.placeholder("text");
const prefix = sql.placeholder("prefix");
const wordPrefix = sql.placeholder("wordPrefix");
const take = sql.placeholder("limit");

type SearchParams = {
  text: string;
  prefix: string;
  wordPrefix: string;
  limit: number;
};

export function peopleShape(query: SearchQuery, phase: Phase): PeopleShape {
  if (phase === "fuzzy") return "fuzzy";
  // A later word of the name ("lima" in "Ana Lima"); trigram-indexed, so from 3 characters.
  return [...query.text].length >= FUZZY_MIN_LENGTH ? "prefix-words" : "prefix";
}

/** The parameters of a search statement for this text and size. */
export function searchParams(text: string, limit: number): SearchParams {
  const escaped = `${escapeLike(text)}%`;
  return { text, prefix: escaped, wordPrefix: `% ${escaped}`, limit };
}

/**
 * People matching the query (for EXPLAIN too). Shape "prefix": the exact username, then
 * usernames and names starting with the query, then ("prefix-words") later words of names, most
 * followed first. Shape "fuzzy": look-alikes by trigram similarity (typos), most similar first
 * (run only when nothing starts with the query, see findMatches).
 */
export function userSearchSelect(db: Executor, shape: PeopleShape) {
  const q = sql`lower(${text})`;
  const username = sql`lower(${users.username})`;
  const name = sql`lower(${users.name})`;
  const select = db.select(personColumns).from(users);
  if (shape === "fuzzy") {
    return select
      .where(
        and(
          // A union of one-condition scans, each on its trigram index, then primary-key lookups:
          // with the three conditions OR-ed, the planner may read the whole table instead.
          sql`${users.id} = any(array(
            select u.id from users u where lower(u.username) % ${q}
            union select u.id from users u where ${q} <% lower(u.username)
            union select u.id from users u where ${q} <% lower(u.name)))`,
          eq(users.status, "active"),
        ),
      )
      .orderBy(
        desc(
          sql`greatest(similarity(${username}, ${q}), word_similarity(${q}, ${username}), word_similarity(${q}, ${name}))`,
        ),
        desc(users.followerCount),
        users.id,
      )
      .limit(take);
  }
  const startsWith = or(
    sql`${username} like lower(${prefix}) escape '\\'`,
    sql`${name} like lower(${prefix}) escape '\\'`,
  ) as SQL;
  const wordStartsWith =
    shape === "prefix-words" ? sql`${name} like lower(${wordPrefix}) escape '\\'` : undefined;
  return select
    .where(and(eq(users.status, "active"), or(startsWith, wordStartsWith)))
    .orderBy(
      desc(sql`${username} = ${q}`),
      ...(wordStartsWith ? [desc(startsWith)] : []),
      desc(users.followerCount),
      users.id,
    )
    .limit(take);
}

/** Characters a tag can hold; the rest of a query ("new york", "it's") is dropped for tags. */
const tagText = (raw: string) => raw.toLowerCase().replace(/[^\p{L}\p{M}\p{N}_]/gu, "");

/**
 * Tags matching the query (for EXPLAIN too), in the same two phases: the exact tag, then tags
 * starting with it by use; or look-alikes by similarity.
 */
export function tagSearchSelect(db: Executor, phase: Phase) {
  const select = db.select({ tag: hashtags.tag, postCount: hashtags.postCount }).from(hashtags);
  if (phase === "fuzzy") {
    return select
      .where(and(gt(hashtags.postCount, 0), sql`${hashtags.tag} % ${text}`))
      .orderBy(
        desc(sql`similarity(${hashtags.tag}, ${text})`),
        desc(hashtags.postCount),
        hashtags.tag,
      )
      .limit(take);
  }
  return select
    .where(and(gt(hashtags.postCount, 0), sql`${hashtags.tag} like ${prefix} escape '\\'`))
    .orderBy(desc(sql`${hashtags.tag} = ${text}`), desc(hashtags.postCount), hashtags.tag)
    .limit(take);
}

function runPeople(db: Executor, shape: PeopleShape, params: SearchParams) {
  const name = `search_people_${shape}`;
  return preparedOnce(db, name, () => userSearchSelect(db, shape).prepare(name)).execute(params);
}

function runTags(db: Executor, phase: Phase, params: SearchParams) {
  const name = `search_tags_${phase}`;
  return preparedOnce(db, name, () => tagSearchSelect(db, phase).prepare(name)).execute(params);
}

type Matches = { people: PersonRow[]; tags: TagResult[] };

/**
 * The people and tags a query finds, the same for every viewer. Prefix matches first; only when
 * nothing at all starts with the query (and it has 3 characters or more) come look-alikes, as
 * "did you mean": a typo ("benjamni") still finds "benjamin", and a query that matches does not
 * pay for trigram scans whose rows would rank below every match anyway.
 */
async function findMatches(db: Executor, query: SearchQuery, limit: number): Promise<Matches> {
  const tag = tagText(query.text);
  const wantPeople = query.scope !== "tags";
  const wantTags = query.scope !== "users" && tag !== "";
  const phase = async (p: Phase): Promise<Matches> => {
    const [people, tags] = await Promise.all([
      wantPeople ? runPeople(db, peopleShape(query, p), searchParams(query.text, limit)) : [],
      wantTags ? runTags(db, p, searchParams(tag, limit)) : [],
    ]);
    return { people, tags };
  };
  const prefix = await phase("prefix");
  const found = prefix.people.length + prefix.tags.length;
  if (found > 0 || [...query.text].length < FUZZY_MIN_LENGTH) return prefix;
  return phase("fuzzy");
}

/**
 * Recent answers of this server, per query and size. Typing sends the same short prefixes again and
 * again ("a", "an", "ana"), from everyone: they are answered from memory for MATCHES_TTL_MS, and
 * concurrent misses for one query share one database round. What is per viewer ("Following") is
 * looked up on every request. A renamed or suspended account can show in a cached answer for up
 * to the TTL on other servers; this one forgets its answers at once (forgetSearchMatches).
 */
const MATCHES_TTL_MS = 15_000;
type MatchesContext = { db: Executor; query: SearchQuery; limit: number };
const matches = new LRUCache<string, Matches, MatchesContext>({
  max: 5_000,
  ttl: MATCHES_TTL_MS,
  fetchMethod: (_key, _stale, { context }) => findMatches(context.db, context.query, context.limit),
});

/** Drops this server's remembered search answers (after a rename, a new avatar, a suspension). */
export function forgetSearchMatches(): void {
  matches.clear();
}

/**
 * Search-as-you-type: people (PersonView rows) and tags with their post counts. Any input is
 * safe: a query that normalizes to nothing (empty, only symbols or invisible characters) gives
 * empty lists; '#' searches tags only and '@' people only; at most 100 characters are used.
 */
export async function searchTypeahead(
  db: Executor,
  params: { q: unknown; viewerId: string | null; limit?: number },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<TypeaheadResult> {
  const query = normalizeSearchQuery(params.q);
  if (!query) return EMPTY;
  const limit = pageLimit(params.limit, { fallback: TYPEAHEAD_LIMIT, max: 20 });
  const key = `${limit}\u0000${query.scope}\u0000${query.text}`;
  const found =
    (await matches.fetch(key, { context: { db, query, limit } })) ??
    (await findMatches(db, query, limit));
  const { viewerId } = params;
  const ids = found.people.map((p) => p.id);
  // The answers are shared by every viewer; who is blocked either way is looked up per request.
  const [followed, blocked] = await Promise.all([
    followedAmong(db, viewerId, ids),
    blockedAmong(db, viewerId, ids),
  ]);
  return {
    users: found.people
      .filter((p) => !blocked.has(p.id))
      .map((p) => toPersonView(storage, { ...p, viewerFollows: followed.has(p.id) }, viewerId)),
    tags: found.tags,
  };
}

/** How many recent searches a user keeps (the rest are forgotten as new ones come). */
export const RECENT_SEARCHES_KEPT = 10;

export type RecentSearch =
  | { kind: "user"; user: PersonView; searchedAt: string }
  | { kind: "tag"; tag: string; postCount: number; searchedAt: string };

/** The viewer's recent searches, newest first; people who left or tags gone are skipped. */
export async function listRecentSearches(
  db: Executor,
  viewerId: string,
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<RecentSearch[]> {
  const recent = await db
    .select({
      kind: recentSearches.kind,
      target: recentSearches.target,
      at: recentSearches.searchedAt,
    })
    .from(recentSearches)
    .where(eq(recentSearches.userId, viewerId))
    .orderBy(desc(recentSearches.searchedAt))
    .limit(RECENT_SEARCHES_KEPT);
  const ids = recent.filter((r) => r.kind === "user").map((r) => r.target);
  const tags = recent.filter((r) => r.kind === "tag").map((r) => r.target);
  const [people, tagRows] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .select({ ...personColumns, viewerFollows: viewerFollowsColumn(viewerId) })
          .from(users)
          .where(
            and(
              inArray(users.id, ids),
              eq(users.status, "active"),
              notBlockedBetween(viewerId, users.id),
            ),
          ),
    tags.length === 0
      ? []
      : db
          .select({ tag: hashtags.tag, postCount: hashtags.postCount })
          .from(hashtags)
          .where(and(inArray(hashtags.tag, tags), gt(hashtags.postCount, 0))),
  ]);
  const personOf = new Map(people.map((p) => [p.id, p]));
  const tagOf = new Map(tagRows.map((t) => [t.tag, t]));
  return recent.flatMap((r): RecentSearch[] => {
    const searchedAt = r.at.toISOString();
    if (r.kind === "user") {
      const person = personOf.get(r.target);
      return person
        ? [{ kind: "user", user: toPersonView(storage, person, viewerId), searchedAt }]
        : [];
    }
    const tag = tagOf.get(r.target);
    return tag ? [{ kind: "tag", tag: tag.tag, postCount: tag.postCount, searchedAt }] : [];
  });
}
