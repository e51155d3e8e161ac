import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestampMs, uuidPk } from "./columns";
import { REPORT_REASONS } from "./report-reasons";
import { users } from "./users";

export const reportTarget = pgEnum("report_target", ["post", "comment", "user"]);
export const reportReason = pgEnum("report_reason", REPORT_REASONS);
export const reportStatus = pgEnum("report_status", ["open", "actioned", "dismissed"]);
export const moderationActionKind = pgEnum("moderation_action_kind", [
  "remove_post",
  "remove_comment",
  "suspend_user",
  "dismiss",
  "restore_user",
]);

const at = timestampMs;

// Someone asks moderators to look at a post, a comment or an account. One open report per
// reporter and target; a moderator's decision closes every open report on the target at once.
export const reports = pgTable(
  "reports",
  {
    id: uuidPk(),
    /** null once the reporter's account is erased (the report and its outcome are kept) */
    reporterId: uuid("reporter_id").references(() => users.id, { onDelete: "set null" }),
    targetType: reportTarget("target_type").notNull(),
    targetId: uuid("target_id").notNull(),
    reason: reportReason("reason").notNull(),
    details: text("details").notNull().default(""),
    status: reportStatus("status").notNull().default("open"),
    createdAt: at("created_at").notNull().defaultNow(),
    resolvedAt: at("resolved_at"),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("reports_one_open_per_reporter_idx")
      .on(t.reporterId, t.targetType, t.targetId)
      .where(sql`status = 'open'`),
    index("reports_open_target_idx").on(t.targetType, t.targetId).where(sql`status = 'open'`),
    index("reports_open_created_idx").on(t.createdAt, t.id).where(sql`status = 'open'`),
  ],
);

// The audit log: every moderator decision, who made it, on what, and why. Never edited.
export const moderationActions = pgTable(
  "moderation_actions",
  {
    id: uuidPk(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: moderationActionKind("action").notNull(),
    targetType: reportTarget("target_type").notNull(),
    targetId: uuid("target_id").notNull(),
    /** the account a suspension or restoration was about (the target's author for a post) */
    subjectUserId: uuid("subject_user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    /** how many open reports the decision closed */
    reportCount: integer("report_count").notNull().default(0),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("moderation_actions_created_idx").on(t.createdAt.desc(), t.id.desc())],
);

export type Report = typeof reports.$inferSelect;
export type ModerationAction = typeof moderationActions.$inferSelect;
