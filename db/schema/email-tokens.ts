import { index, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, uuidPk } from "./columns";
import { userRef } from "./users";

/**
 * What a mailed e-mail link does: `verify` proves the account's address, `change` proves a new
 * address (which only then replaces the old one), `undo` puts the old address back.
 */
export const emailTokenPurpose = pgEnum("email_token_purpose", ["verify", "change", "undo"]);

// One row per mailed link. Only the SHA-256 of the token is stored; the token lives in the mail.
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: uuidPk(),
    userId: userRef("user_id"),
    purpose: emailTokenPurpose("purpose").notNull(),
    /** The address the link is about: the one to verify, the new one, or the old one to restore. */
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("email_tokens_hash_idx").on(t.tokenHash),
    index("email_tokens_user_idx").on(t.userId, t.purpose),
  ],
);

export type EmailToken = typeof emailTokens.$inferSelect;
export type EmailTokenPurpose = (typeof emailTokenPurpose.enumValues)[number];
