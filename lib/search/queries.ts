import "server-only";
import { and, desc, eq, gt, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { hashtags, users } from "@/db/schema";
import {
  type PersonRow,
  personColumns,
  toPersonView,
  viewerFollowsColumn,
} from "@/lib/follows/people";
import type { PersonView } from "@/lib/posts/types";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import { escapeLike, FUZZY_MIN_LENGTH, normalizeSearchQuery, type SearchQuery } from "./normalize";

export { clearRecentSearches, listRecentSearches, recordSearch } from "./recent";

// The typeahead: people by username and name, tags by name; prefix matches first, then fuzzy
// (pg_trgm) matches for queries of three characters or more. Every value is a bound parameter;
// LIKE wildcards in the query are escaped, so '%' and '_' match themselves.

export const TYPEAHEAD_LIMIT = 8;

export type TagResult = { tag: string; postCount: number };
export type TypeaheadResult = { users: PersonView[]; tags: TagResult[] };

const EMPTY: TypeaheadResult = { users: [], tags: [] };

type Phase = "prefix" | "fuzzy";

/**
 * People matching the query (for EXPLAIN too). Phase "prefix": the exact username, then
 * usernames and names starting with the query, then later words of names, most followed first.
 * Phase "fuzzy": look-alikes by trigram similarity (typos), most similar first, leaving out
 * `exclude` (the prefix phase's rows). Every prefix match ranks above every look-alike, so the
 * fuzzy phase only runs when the prefix phase did not fill the list.
 */
export function userSearchQuery(
  db: Executor,
  query: SearchQuery,
  viewerId: string | null,
  limit: number,
  phase: Phase = "prefix",
  exclude: string[] = [],
) {
  const q = sql`lower(${query.text})`;
  const prefix = `${escapeLike(query.text)}%`;
  const username = sql`lower(${users.username})`;
  const name = sql`lower(${users.name})`;
  const select = db
    .select({ ...personColumns, viewerFollows: viewerFollowsColumn(viewerId) })
    .from(users);
  if (phase === "fuzzy") {
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
          exclude.length > 0 ? notInArray(users.id, exclude) : undefined,
        ),
      )
      .orderBy(
        desc(
          sql`greatest(similarity(${username}, ${q}), word_similarity(${q}, ${username}), word_similarity(${q}, ${name}))`,
        ),
        desc(users.followerCount),
        users.id,
      )
      .limit(limit);
  }
  const startsWith = or(
    sql`${username} like lower(${prefix}) escape '\\'`,
    sql`${name} like lower(${prefix}) escape '\\'`,
  ) as SQL;
  // A later word of the name ("lima" in "Ana Lima"); trigram-indexed, so from 3 characters.
  const wordStartsWith =
    [...query.text].length >= FUZZY_MIN_LENGTH
      ? sql`${name} like lower(${`% ${prefix}`}) escape '\\'`
      : undefined;
  return select
    .where(and(eq(users.status, "active"), or(startsWith, wordStartsWith)))
    .orderBy(
      desc(sql`${username} = ${q}`),
      ...(wordStartsWith ? [desc(startsWith)] : []),
      desc(users.followerCount),
      users.id,
    )
    .limit(limit);
}

/** Characters a tag can hold; the rest of a query ("new york", "it's") is dropped for tags. */
const tagText = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}_]/gu, "");

/**
 * Tags matching the query (for EXPLAIN too), in the same two phases: the exact tag, then tags
 * starting with it by use; then look-alikes by similarity, leaving out `exclude`.
 */
export function tagSearchQuery(
  db: Executor,
  text: string,
  limit: number,
  phase: Phase = "prefix",
  exclude: string[] = [],
) {
  const select = db.select({ tag: hashtags.tag, postCount: hashtags.postCount }).from(hashtags);
  if (phase === "fuzzy") {
    return select
      .where(
        and(
          gt(hashtags.postCount, 0),
          sql`${hashtags.tag} % ${text}`,
          exclude.length > 0 ? notInArray(hashtags.tag, exclude) : undefined,
        ),
      )
      .orderBy(
        desc(sql`similarity(${hashtags.tag}, ${text})`),
        desc(hashtags.postCount),
        hashtags.tag,
      )
      .limit(limit);
  }
  return select
    .where(
      and(
        gt(hashtags.postCount, 0),
        sql`${hashtags.tag} like ${`${escapeLike(text)}%`} escape '\\'`,
      ),
    )
    .orderBy(desc(sql`${hashtags.tag} = ${text}`), desc(hashtags.postCount), hashtags.tag)
    .limit(limit);
}

/** The prefix phase, then (from 3 characters, when there is room) the fuzzy phase. */
async function twoPhases<Row>(
  text: string,
  limit: number,
  run: (phase: Phase, exclude: Row[]) => Promise<Row[]>,
): Promise<Row[]> {
  const first = await run("prefix", []);
  if (first.length >= limit || [...text].length < FUZZY_MIN_LENGTH) return first;
  return [...first, ...(await run("fuzzy", first))].slice(0, limit);
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
  const limit = Math.min(Math.max(Math.trunc(params.limit ?? TYPEAHEAD_LIMIT) || 1, 1), 20);
  const tag = tagText(query.text);
  const [people, tags] = await Promise.all([
    query.scope === "tags"
      ? []
      : twoPhases<PersonRow & { viewerFollows: boolean }>(query.text, limit, (phase, found) =>
          userSearchQuery(
            db,
            query,
            params.viewerId,
            limit,
            phase,
            found.map((p) => p.id),
          ),
        ),
    query.scope === "users" || !tag
      ? []
      : twoPhases<TagResult>(tag, limit, (phase, found) =>
          tagSearchQuery(
            db,
            tag,
            limit,
            phase,
            found.map((t) => t.tag),
          ),
        ),
  ]);
  return {
    users: people.map((p) => toPersonView(storage, p, params.viewerId)),
    tags,
  };
}
