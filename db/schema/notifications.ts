import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAtMs, uuidPk } from "./columns";
import { posts } from "./posts";
import { comments } from "./social";
import { userRef } from "./users";

export const notificationKind = pgEnum("notification_kind", [
  "like",
  "comment",
  "mention",
  "follow",
  "follow_request",
  "follow_accept",
  "reply",
  "comment_like",
]);

// Something someone did that concerns the recipient. Never for one's own actions; undoing a like
// or a follow deletes its row (so at most one per actor and post / actor for those kinds).
export const notifications = pgTable(
  "notifications",
  {
    id: uuidPk(),
    recipientId: userRef("recipient_id"),
    actorId: userRef("actor_id"),
    kind: notificationKind("kind").notNull(),
    postId: uuid("post_id").references(() => posts.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    createdAt: createdAtMs(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_recipient_created_idx").on(t.recipientId, t.createdAt.desc(), t.id.desc()),
    index("notifications_unread_idx").on(t.recipientId).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_like_once_idx")
      .on(t.recipientId, t.actorId, t.postId)
      .where(sql`${t.kind} = 'like'`),
    uniqueIndex("notifications_follow_once_idx")
      .on(t.recipientId, t.actorId)
      .where(sql`${t.kind} = 'follow'`),
  ],
);

export type Notification = typeof notifications.$inferSelect;
