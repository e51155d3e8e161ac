import { index, integer, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, uuidPk } from "./columns";
import { userRef } from "./users";

export const uploadPurpose = pgEnum("upload_purpose", ["post", "avatar"]);

// A place the browser may PUT one original photo, handed out to one user. `createPost` (or the
// avatar update) consumes it once; stale ones are swept with their objects.
export const uploadSlots = pgTable(
  "upload_slots",
  {
    id: uuidPk(),
    userId: userRef("user_id"),
    purpose: uploadPurpose("purpose").notNull(),
    key: text("key").notNull(),
    contentType: text("content_type").notNull(),
    maxBytes: integer("max_bytes").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("upload_slots_user_idx").on(t.userId, t.createdAt),
    index("upload_slots_expires_idx").on(t.expiresAt),
  ],
);

export type UploadSlot = typeof uploadSlots.$inferSelect;
