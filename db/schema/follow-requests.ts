import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { createdAtMs } from "./columns";
import { userRef } from "./users";

// A pending "may I follow you?" to a private account. Approving it turns it into a follows row
// (counters moved in the same transaction); deleting or cancelling it removes it.
export const followRequests = pgTable(
  "follow_requests",
  {
    requesterId: userRef("requester_id"),
    targetId: userRef("target_id"),
    createdAt: createdAtMs(),
  },
  (t) => [
    primaryKey({ columns: [t.requesterId, t.targetId] }),
    // The owner's requests inbox, newest first, keyset (created_at, requester_id).
    index("follow_requests_target_created_idx").on(t.targetId, t.createdAt.desc(), t.requesterId),
    check("follow_requests_not_self", sql`${t.requesterId} <> ${t.targetId}`),
  ],
);

export type FollowRequest = typeof followRequests.$inferSelect;
