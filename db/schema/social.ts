import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAtMs, timestampMs, uuidPk } from "./columns";
import { postRef } from "./posts";
import { userRef } from "./users";

// The social graph and reactions. Every counter these rows drive (users.follower_count,
// following_count, posts.like_count, comment_count) is updated in the same transaction.

export const follows = pgTable(
  "follows",
  {
    followerId: userRef("follower_id"),
    followeeId: userRef("followee_id"),
    createdAt: createdAtMs(),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followeeId] }),
    // "Followers of X", newest first; the PK serves "whom does X follow" and the feed.
    index("follows_followee_idx").on(t.followeeId, t.createdAt.desc(), t.followerId),
    index("follows_follower_created_idx").on(t.followerId, t.createdAt.desc(), t.followeeId),
    check("follows_not_self", sql`${t.followerId} <> ${t.followeeId}`),
  ],
);

export const likes = pgTable(
  "likes",
  {
    postId: postRef("post_id"),
    userId: userRef("user_id"),
    createdAt: createdAtMs(),
  },
  (t) => [
    // (post, user): "did the viewer like it" for a page of posts, and likers of a post.
    primaryKey({ columns: [t.postId, t.userId] }),
    index("likes_post_created_idx").on(t.postId, t.createdAt.desc(), t.userId),
    index("likes_user_created_idx").on(t.userId, t.createdAt.desc()),
  ],
);

export const saves = pgTable(
  "saves",
  {
    userId: userRef("user_id"),
    postId: postRef("post_id"),
    createdAt: createdAtMs(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.postId] }),
    index("saves_user_created_idx").on(t.userId, t.createdAt.desc(), t.postId),
  ],
);

export const commentStatus = pgEnum("comment_status", ["visible", "removed"]);

export const comments = pgTable(
  "comments",
  {
    id: uuidPk(),
    postId: postRef("post_id"),
    authorId: userRef("author_id"),
    body: text("body").notNull(),
    status: commentStatus("status").notNull().default("visible"),
    // A comment by an account the post's author restricted: seen only by its author and the post's
    // author until approved; not in comment_count until then.
    pendingApproval: boolean("pending_approval").notNull().default(false),
    // A reply's top comment (one level, as on Instagram: a reply to a reply attaches to the top
    // comment). Deleting the top comment deletes its replies.
    parentId: uuid("parent_id").references((): AnyPgColumn => comments.id, {
      onDelete: "cascade",
    }),
    // Shown, approved replies of a top comment; kept exact in the reply's transaction.
    replyCount: integer("reply_count").notNull().default(0),
    // comment_likes rows of this comment; kept exact in the like's transaction.
    likeCount: integer("like_count").notNull().default(0),
    // Set while the post's author pins this (top) comment; at most three per post.
    pinnedAt: timestampMs("pinned_at"),
    createdAt: createdAtMs(),
  },
  (t) => [
    index("comments_post_created_idx").on(t.postId, t.createdAt.desc(), t.id.desc()),
    index("comments_author_idx").on(t.authorId),
    index("comments_parent_created_idx")
      .on(t.parentId, t.createdAt, t.id)
      .where(sql`${t.parentId} is not null`),
    index("comments_pinned_idx").on(t.postId, t.pinnedAt).where(sql`${t.pinnedAt} is not null`),
    check("comments_counts_not_negative", sql`${t.replyCount} >= 0 and ${t.likeCount} >= 0`),
  ],
);

export type Comment = typeof comments.$inferSelect;

// A heart on a comment; comments.like_count counts these rows.
export const commentLikes = pgTable(
  "comment_likes",
  {
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    userId: userRef("user_id"),
    createdAt: createdAtMs(),
  },
  (t) => [
    primaryKey({ columns: [t.commentId, t.userId] }),
    index("comment_likes_user_idx").on(t.userId),
  ],
);

// @username in a comment that matched an account (for notifications).
export const commentMentions = pgTable(
  "comment_mentions",
  {
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    userId: userRef("user_id"),
  },
  (t) => [
    primaryKey({ columns: [t.commentId, t.userId] }),
    index("comment_mentions_user_idx").on(t.userId),
  ],
);
