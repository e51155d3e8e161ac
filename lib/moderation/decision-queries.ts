import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { comments, moderationActions, posts, reports, users } from "@/db/schema";
import type { ReportTargetType } from "./validation";

// The SQL of reports and decisions (lib/moderation/service.ts decides what to write).

/** A new open report; none when the reporter has one open on the same target already. */
export async function insertReport(
  db: Db,
  values: {
    reporterId: string;
    targetType: ReportTargetType;
    targetId: string;
    reason: (typeof reports.$inferInsert)["reason"];
    details: string;
  },
): Promise<boolean> {
  const rows = await db
    .insert(reports)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: reports.id });
  return rows.length > 0;
}

export async function accountRoleAndStatus(tx: Executor, userId: string) {
  const [row] = await tx
    .select({ role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Suspending also bumps session_version, so every cookie of the account stops working. */
export async function writeAccountStatus(
  tx: Executor,
  userId: string,
  to: "suspended" | "active",
): Promise<void> {
  await tx
    .update(users)
    .set(
      to === "suspended"
        ? { status: to, sessionVersion: sql`${users.sessionVersion} + 1` }
        : { status: to },
    )
    .where(eq(users.id, userId));
}

/** Marks a visible post removed; its author, or null when it was not visible. */
export async function markPostRemoved(tx: Executor, postId: string) {
  const [row] = await tx
    .update(posts)
    .set({ status: "removed" })
    .where(and(eq(posts.id, postId), eq(posts.status, "visible")))
    .returning({ authorId: posts.authorId });
  return row ?? null;
}

/**
 * Marks a visible comment removed; its post (and whether it was still awaiting approval, so never
 * counted), or null when it was not visible.
 */
export async function markCommentRemoved(tx: Executor, commentId: string) {
  const [row] = await tx
    .update(comments)
    .set({ status: "removed" })
    .where(and(eq(comments.id, commentId), eq(comments.status, "visible")))
    .returning({
      postId: comments.postId,
      parentId: comments.parentId,
      pendingApproval: comments.pendingApproval,
    });
  return row ?? null;
}

/** Closes every open report on a target; answers how many. */
export async function closeOpenReports(
  tx: Executor,
  target: { targetType: ReportTargetType; targetId: string },
  close: { status: "dismissed" | "actioned"; resolvedAt: Date; resolvedBy: string },
): Promise<number> {
  const closed = await tx
    .update(reports)
    .set(close)
    .where(
      and(
        eq(reports.targetType, target.targetType),
        eq(reports.targetId, target.targetId),
        eq(reports.status, "open"),
      ),
    )
    .returning({ id: reports.id });
  return closed.length;
}

/** One line of the moderation log. */
export async function logDecision(
  tx: Executor,
  entry: typeof moderationActions.$inferInsert,
): Promise<void> {
  await tx.insert(moderationActions).values(entry);
}
