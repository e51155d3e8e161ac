import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, uuidPk } from "./columns";
import { userRef } from "./users";

// One row per sign-in. The session cookie carries the row's id (`sid`), and every request checks
// the row: "Log out" revokes it on the server, so a copied cookie stops working at once.
// expires_at slides forward while the session is used (idle timeout), never past
// absolute_expires_at (the hard maximum from sign-in).
export const sessions = pgTable(
  "sessions",
  {
    id: uuidPk(),
    userId: userRef("user_id"),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent").notNull().default(""),
    ip: text("ip").notNull().default(""),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export type SessionRow = typeof sessions.$inferSelect;
export type NewSessionRow = typeof sessions.$inferInsert;
