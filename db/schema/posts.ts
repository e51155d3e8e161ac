import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, createdAtMs, uuidPk } from "./columns";
import { userRef } from "./users";

export const postStatus = pgEnum("post_status", ["visible", "removed"]);

export const posts = pgTable(
  "posts",
  {
    id: uuidPk(),
    authorId: userRef("author_id"),
    caption: text("caption").notNull().default(""),
    status: postStatus("status").notNull().default("visible"),
    likeCount: integer("like_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    // Per-post controls of the author: the like count is shown to the author only, and comments
    // (old and new) are off for everyone until turned back on.
    hideLikeCount: boolean("hide_like_count").notNull().default(false),
    commentsOff: boolean("comments_off").notNull().default(false),
    // Millisecond precision, so a keyset cursor (created_at, id) round-trips through JS exactly.
    createdAt: createdAtMs(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Profile grid: one author's posts newest first, keyset (created_at, id).
    index("posts_author_created_idx").on(t.authorId, t.createdAt.desc(), t.id.desc()),
    index("posts_created_idx").on(t.createdAt.desc(), t.id.desc()),
    // The feed's per-followee probe reads only visible posts: index-only, no heap visits.
    index("posts_author_visible_created_idx")
      .on(t.authorId, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'visible'`),
    check("posts_counts_non_negative", sql`${t.likeCount} >= 0 and ${t.commentCount} >= 0`),
  ],
);

/** A required reference to a post, deleted with it. */
export const postRef = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => posts.id, { onDelete: "cascade" });

export type Post = typeof posts.$inferSelect;

/** One stored rendition of a photo: a WebP `width` pixels wide under `key`. */
export type MediaVariant = { key: string; width: number; height: number };

export const postMedia = pgTable(
  "post_media",
  {
    id: uuidPk(),
    postId: postRef("post_id"),
    position: smallint("position").notNull(),
    // Largest first; every variant has the post's aspect ratio.
    variants: jsonb("variants").$type<MediaVariant[]>().notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    // A tiny blurred WebP as a data: URL, shown until the photo loads.
    placeholder: text("placeholder").notNull(),
    alt: text("alt").notNull().default(""),
  },
  (t) => [uniqueIndex("post_media_post_position_idx").on(t.postId, t.position)],
);

export type PostMedia = typeof postMedia.$inferSelect;

export const hashtags = pgTable(
  "hashtags",
  {
    id: uuidPk(),
    // Stored lower-case, without the '#'.
    tag: text("tag").notNull(),
    postCount: integer("post_count").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("hashtags_tag_idx").on(t.tag),
    check("hashtags_post_count_non_negative", sql`${t.postCount} >= 0`),
  ],
);

export const postHashtags = pgTable(
  "post_hashtags",
  {
    postId: postRef("post_id"),
    hashtagId: uuid("hashtag_id")
      .notNull()
      .references(() => hashtags.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.hashtagId] }),
    index("post_hashtags_tag_created_idx").on(t.hashtagId, t.createdAt.desc(), t.postId),
  ],
);

// @username in a caption that matched an account when the post was written or edited.
export const postMentions = pgTable(
  "post_mentions",
  {
    postId: postRef("post_id"),
    userId: userRef("user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.userId] }),
    index("post_mentions_user_idx").on(t.userId, t.createdAt.desc()),
  ],
);
