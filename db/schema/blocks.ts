import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { createdAtMs, timestampMs } from "./columns";
import { userRef } from "./users";

// Blocks and mutes between two accounts. Reads probe the primary keys with both ids bound
// (lib/shared/blocks.ts), one probe per direction; the *_blocked / *_muted indexes list
// "who blocked me" and serve deletes of a user's rows from the other side.

/** blocker_id blocked blocked_id: neither finds, sees or reaches the other. */
export const blocks = pgTable(
  "blocks",
  {
    blockerId: userRef("blocker_id"),
    blockedId: userRef("blocked_id"),
    createdAt: createdAtMs(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    // Settings -> Blocked accounts, newest first.
    index("blocks_blocker_created_idx").on(t.blockerId, t.createdAt.desc(), t.blockedId),
    index("blocks_blocked_idx").on(t.blockedId, t.blockerId),
    check("blocks_not_self", sql`${t.blockerId} <> ${t.blockedId}`),
  ],
);

/**
 * muter_id muted muted_id: their posts leave the muter's home feed (posts) and their comments
 * the muter's view (comments), without unfollowing and without telling them. A row with both
 * false is deleted rather than kept.
 */
export const mutes = pgTable(
  "mutes",
  {
    muterId: userRef("muter_id"),
    mutedId: userRef("muted_id"),
    posts: boolean("posts").notNull().default(true),
    comments: boolean("comments").notNull().default(false),
    createdAt: createdAtMs(),
    updatedAt: timestampMs("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.muterId, t.mutedId] }),
    index("mutes_muter_created_idx").on(t.muterId, t.createdAt.desc(), t.mutedId),
    index("mutes_muted_idx").on(t.mutedId, t.muterId),
    // The feed's and the comment lists' anti-joins: one index-only probe each, only muted rows.
    index("mutes_posts_idx").on(t.muterId, t.mutedId).where(sql`posts`),
    index("mutes_comments_idx").on(t.muterId, t.mutedId).where(sql`comments`),
    check("mutes_not_self", sql`${t.muterId} <> ${t.mutedId}`),
    check("mutes_something", sql`${t.posts} or ${t.comments}`),
  ],
);

export type Block = typeof blocks.$inferSelect;
export type Mute = typeof mutes.$inferSelect;
