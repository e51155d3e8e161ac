import {
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { timestampMs, uuidPk } from "./columns";
import { hashtags } from "./posts";
import { userRef } from "./users";

// Discover and search. What is expensive to rank is precomputed here on a schedule (see
// lib/discover/service.ts); the pg_trgm extension and the trigram indexes on users and hashtags
// are in the hand-written migration 0005_search_trigram.sql.

const at = timestampMs;

/** When each precomputed ranking ('explore', 'trending') was last rebuilt. */
export const discoverRefreshes = pgTable("discover_refreshes", {
  name: text("name").primaryKey(),
  refreshedAt: at("refreshed_at").notNull(),
});

/**
 * One frozen ranking of the explore candidates, scored at `computedAt`. Explore cursors name
 * their snapshot, so a reader pages through one fixed order however likes change meanwhile.
 */
export const exploreSnapshots = pgTable(
  "explore_snapshots",
  {
    id: uuidPk(),
    computedAt: at("computed_at").notNull(),
    candidateCount: integer("candidate_count").notNull().default(0),
  },
  (t) => [index("explore_snapshots_computed_idx").on(t.computedAt.desc())],
);

/**
 * The posts of a snapshot in rank order (1 = best). No foreign key to posts: readers join posts
 * and users anyway (a deleted, removed or suspended post drops out there), and a post's deletion
 * should not have to scan this table.
 */
export const exploreRanks = pgTable(
  "explore_ranks",
  {
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => exploreSnapshots.id, { onDelete: "cascade" }),
    rank: integer("rank").notNull(),
    postId: uuid("post_id").notNull(),
    score: doublePrecision("score").notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.rank] })],
);

/** The tags on the explore page, best first: rising tags, then (to fill up) the most used. */
export const trendingHashtags = pgTable(
  "trending_hashtags",
  {
    hashtagId: uuid("hashtag_id")
      .primaryKey()
      .references(() => hashtags.id, { onDelete: "cascade" }),
    rank: integer("rank").notNull(),
    /** growth score (lib/discover/ranking.ts); 0 for a tag that is only popular */
    score: doublePrecision("score").notNull(),
    uses24h: integer("uses_24h").notNull(),
    uses7d: integer("uses_7d").notNull(),
    computedAt: at("computed_at").notNull(),
  },
  (t) => [index("trending_hashtags_rank_idx").on(t.rank)],
);

/** People the user dismissed (X) from "Suggested for you"; never suggested to them again. */
export const dismissedSuggestions = pgTable(
  "dismissed_suggestions",
  {
    userId: userRef("user_id"),
    suggestedId: userRef("suggested_id"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.suggestedId] }),
    index("dismissed_suggestions_suggested_idx").on(t.suggestedId),
  ],
);

export const recentSearchKind = pgEnum("recent_search_kind", ["user", "tag"]);

/**
 * What a user opened from search, newest first; at most 10 per user (older ones are deleted).
 * `target` is the user's id or the tag; a target that has gone simply is not listed.
 */
export const recentSearches = pgTable(
  "recent_searches",
  {
    userId: userRef("user_id"),
    kind: recentSearchKind("kind").notNull(),
    target: text("target").notNull(),
    searchedAt: at("searched_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind, t.target] }),
    index("recent_searches_user_idx").on(t.userId, t.searchedAt.desc()),
  ],
);

export type RecentSearchKind = (typeof recentSearchKind.enumValues)[number];
