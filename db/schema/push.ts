import { sql } from "drizzle-orm";
import { index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestampMs, uuidPk } from "./columns";
import { sessions } from "./sessions";
import { userRef } from "./users";

// Web push (lib/push). A device's subscription belongs to the sign-in session that made it:
// ending the session (sign out, "log out" in Settings, sign out everywhere) deletes it, and the
// sender only reaches subscriptions whose session still stands.
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuidPk(),
    userId: userRef("user_id"),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull().unique(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    userAgent: text("user_agent").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("push_subscriptions_user_idx").on(t.userId),
    index("push_subscriptions_session_idx").on(t.sessionId),
  ],
);

// Kinds of push a person turned off (lib/push/kinds.ts lists them); no row: on.
export const pushMutedKinds = pgTable(
  "push_muted_kinds",
  {
    userId: userRef("user_id"),
    kind: text("kind").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

// One row per recipient and group of notifications a push stands for ("like:<post id>",
// "follow"...). The first notification of a quiet group is sent at once; later ones within the
// window wait until due_at and go as one push ("ana and 9 others liked your post").
export const pushGroups = pgTable(
  "push_groups",
  {
    recipientId: userRef("recipient_id"),
    groupKey: text("group_key").notNull(),
    lastSentAt: timestampMs("last_sent_at"),
    dueAt: timestampMs("due_at"),
  },
  (t) => [
    primaryKey({ columns: [t.recipientId, t.groupKey] }),
    index("push_groups_due_idx").on(t.dueAt).where(sql`${t.dueAt} is not null`),
  ],
);

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
