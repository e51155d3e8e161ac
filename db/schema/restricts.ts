import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { createdAtMs } from "./columns";
import { userRef } from "./users";

// Restrict (Instagram's quiet block): the owner's posts take the restricted account's new comments
// as awaiting approval (comments.pending_approval), seen only by that account and the owner until
// the owner approves them. The restricted account is never told.
export const restricts = pgTable(
  "restricts",
  {
    ownerId: userRef("owner_id"),
    restrictedId: userRef("restricted_id"),
    createdAt: createdAtMs(),
  },
  (t) => [
    // (owner, restricted): "is this commenter restricted by the post's author" on every comment.
    primaryKey({ columns: [t.ownerId, t.restrictedId] }),
    // Settings → Restricted accounts, newest first, keyset (created_at, restricted_id).
    index("restricts_owner_created_idx").on(t.ownerId, t.createdAt.desc(), t.restrictedId),
    check("restricts_not_self", sql`${t.ownerId} <> ${t.restrictedId}`),
  ],
);
