import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, uuidPk } from "./columns";

export const userRole = pgEnum("user_role", ["user", "moderator", "admin"]);
// "deleted": the owner deleted the account; it is hidden like a suspended one, restored by a
// sign-in within ACCOUNT_RESTORE_DAYS of deleted_at, and erased by maintenance after that
// (lib/account-deletion/).
export const userStatus = pgEnum("user_status", ["active", "suspended", "deleted"]);

export const users = pgTable(
  "users",
  {
    id: uuidPk(),
    username: text("username").notNull(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    name: text("name").notNull(),
    bio: text("bio").notNull().default(""),
    website: text("website"),
    avatarKey: text("avatar_key"),
    role: userRole("role").notNull().default("user"),
    /** Only approved followers see the posts, saved items and follow lists (lib/shared/private-accounts.ts). */
    isPrivate: boolean("is_private").notNull().default(false),
    status: userStatus("status").notNull().default("active"),
    sessionVersion: integer("session_version").notNull().default(1),
    /** When the owner deleted the account (status "deleted"); null otherwise. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /**
     * When the address was proven (a mailed link opened). Sign-up inserts null (lib/auth/accounts.ts);
     * every other row (accounts before this column, the demo seed, scripts) counts as verified.
     */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }).defaultNow(),
    followerCount: integer("follower_count").notNull().default(0),
    followingCount: integer("following_count").notNull().default(0),
    postCount: integer("post_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_username_lower_idx").on(sql`lower(${t.username})`),
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    // Maintenance finds the deleted accounts due for erasing.
    index("users_deleted_at_idx").on(t.deletedAt).where(sql`${t.deletedAt} is not null`),
    check(
      "users_counts_non_negative",
      sql`${t.followerCount} >= 0 and ${t.followingCount} >= 0 and ${t.postCount} >= 0`,
    ),
  ],
);

/** A required reference to an account, deleted with it. */
export const userRef = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

// Only the SHA-256 of a reset token is stored; the token itself lives in the e-mail alone.
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuidPk(),
    userId: userRef("user_id"),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("password_reset_tokens_hash_idx").on(t.tokenHash),
    index("password_reset_tokens_user_idx").on(t.userId),
  ],
);

export type PasswordResetToken = typeof passwordResetTokens.$inferSelect;
