import { sql } from "drizzle-orm";
import { bigint, index, integer, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestampMs, uuidPk } from "./columns";
import { userRef } from "./users";

export const dataExportStatus = pgEnum("data_export_status", [
  "pending",
  "ready",
  "failed",
  "expired",
]);

// "Download your information": one row per request. A pending row is built off the request path
// (lib/data-export/jobs.ts) into a zip under `key`, then it is ready until `expires_at`; the
// maintenance run deletes expired archives and marks the row expired. One pending export per
// account at a time (the partial unique index), so a second request is refused, not queued.
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuidPk(),
    userId: userRef("user_id"),
    status: dataExportStatus("status").notNull().default("pending"),
    /** Storage key of the archive: exports/<userId>/<id>.zip. */
    key: text("key").notNull(),
    size: bigint("size", { mode: "number" }),
    /** A builder holds the row until then; past it (a lost job) another run takes it over. */
    claimedUntil: timestampMs("claimed_until"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    requestedAt: timestampMs("requested_at").notNull().defaultNow(),
    readyAt: timestampMs("ready_at"),
    expiresAt: timestampMs("expires_at"),
  },
  (t) => [
    uniqueIndex("data_exports_one_pending_idx").on(t.userId).where(sql`${t.status} = 'pending'`),
    index("data_exports_user_requested_idx").on(t.userId, t.requestedAt.desc()),
    index("data_exports_status_idx").on(t.status, t.requestedAt),
  ],
);

export type DataExport = typeof dataExports.$inferSelect;
