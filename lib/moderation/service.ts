import "server-only";
import type { Db, Executor } from "@/db/client";
import { revokeAllSessions } from "@/lib/auth/session-queries";
import { findShownComment } from "@/lib/comments/queries";
import { lockThread, threadOf, uncountComment } from "@/lib/comments/queries-replies";
import { findActiveUser } from "@/lib/follows/queries";
import { queueAccountMedia, queuePostMedia } from "@/lib/media/jobs";
import { unlistPost } from "@/lib/posts/service";
import { findVisiblePost } from "@/lib/posts/visibility";
import { fail, ok, type Result } from "@/lib/result";
import {
  accountRoleAndStatus,
  closeOpenReports,
  insertReport,
  logDecision,
  markCommentRemoved,
  markPostRemoved,
  writeAccountStatus,
} from "./decision-queries";
import type { DecideInput, ReportInput, ReportTargetType } from "./validation";

// Reports and moderators' decisions. Anyone signed in may report what others posted; only
// moderators and admins decide, and each decision closes every open report on its target and
// writes one line of the audit log, all in one transaction.

export const TARGET_GONE = "This is no longer available.";
const OWN: Record<ReportTargetType, string> = {
  post: "You can't report your own post.",
  comment: "You can't report your own comment.",
  user: "You can't report your own account.",
};

/**
 * Who answers for a target shown to the reporter (the author, or the account itself); null when
 * not shown (a private account's post is not shown to a non-follower).
 */
async function ownerOf(
  db: Executor,
  type: ReportTargetType,
  id: string,
  viewerId: string | "moderator",
): Promise<string | null> {
  if (type === "post") return (await findVisiblePost(db, id, viewerId))?.authorId ?? null;
  if (type === "comment") return (await findShownComment(db, id))?.authorId ?? null;
  return (await findActiveUser(db, id))?.id ?? null;
}

/**
 * Files a report. Reporting the same thing again while the first report is open changes nothing
 * (`alreadyReported`). Missing or removed targets are NOT_FOUND; one's own content is refused.
 */
export async function fileReport(
  db: Db,
  reporterId: string,
  input: ReportInput,
): Promise<Result<{ alreadyReported: boolean }>> {
  const { targetType, targetId, reason, details } = input;
  const owner = await ownerOf(db, targetType, targetId, reporterId);
  if (!owner) return fail("NOT_FOUND", TARGET_GONE);
  if (owner === reporterId) return fail("VALIDATION", OWN[targetType]);
  const filed = await insertReport(db, { reporterId, targetType, targetId, reason, details });
  return ok({ alreadyReported: !filed });
}

export type Moderator = { id: string; role: "user" | "moderator" | "admin" };
export type Decision = {
  action: "remove_post" | "remove_comment" | "suspend_user" | "restore_user" | "dismiss";
  reportCount: number;
  /** the post that left every page (a removed post, or the post of a removed comment) */
  postId: string | null;
  commentCount: number | null;
};

/**
 * Suspends an active account and ends its sessions, or restores a suspended one (its old
 * sessions stay ended). Who may do it to whom is checked: a moderator's account only by an
 * admin, an admin's by nobody, one's own never.
 */
async function setAccountStatus(
  tx: Executor,
  actor: Moderator,
  userId: string,
  to: "suspended" | "active",
): Promise<Result<null>> {
  const verb = to === "suspended" ? "suspend" : "restore";
  if (userId === actor.id) return fail("VALIDATION", `You can't ${verb} your own account.`);
  const target = await accountRoleAndStatus(tx, userId);
  // An account its owner deleted is gone: only its owner's sign-in (or the erase) decides.
  if (!target || target.status === "deleted") return fail("NOT_FOUND", TARGET_GONE);
  if (target.status === to) {
    return fail("NOT_FOUND", to === "active" ? "This account is not suspended." : TARGET_GONE);
  }
  if (target.role === "admin" || (target.role === "moderator" && actor.role !== "admin")) {
    return fail("FORBIDDEN", `Only an admin can ${verb} a moderator, and nobody an admin.`);
  }
  await writeAccountStatus(tx, userId, to);
  if (to === "suspended") await revokeAllSessions(tx, userId);
  return ok(null);
}

/**
 * A moderator's decision on a reported target: "remove" a post or comment (it disappears
 * everywhere, kept as evidence with status removed), "suspend" the account (or the author of
 * the post or comment), or "dismiss" the reports. Closes the target's open reports and logs it.
 * "restore" gives a suspended account back (from the log), and is logged too.
 */
export async function decide(
  db: Db,
  actor: Moderator,
  input: DecideInput,
  now = new Date(),
): Promise<Result<Decision>> {
  if (actor.role !== "moderator" && actor.role !== "admin") {
    return fail("FORBIDDEN", "Only moderators can do this.");
  }
  const { targetType, targetId, decision, note } = input;
  if (decision === "restore") {
    if (targetType !== "user") {
      return fail("VALIDATION", "Only an account can be restored.", {
        decision: ["Restore applies to accounts."],
      });
    }
    return db.transaction(async (tx): Promise<Result<Decision>> => {
      const restored = await setAccountStatus(tx, actor, targetId, "active");
      if (!restored.ok) return restored;
      await queueAccountMedia(tx, targetId, now);
      await logDecision(tx, {
        actorId: actor.id,
        action: "restore_user",
        targetType,
        targetId,
        subjectUserId: targetId,
        note,
        createdAt: now,
      });
      return ok({ action: "restore_user", reportCount: 0, postId: null, commentCount: null });
    });
  }
  return db.transaction(async (tx): Promise<Result<Decision>> => {
    const result: Decision = {
      action: "dismiss",
      reportCount: 0,
      postId: null,
      commentCount: null,
    };
    let subjectUserId: string | null = null;
    if (decision === "remove") {
      if (targetType === "user") {
        return fail("VALIDATION", "An account is suspended, not removed.", {
          decision: ["Choose suspend for an account."],
        });
      }
      if (targetType === "post") {
        const removed = await markPostRemoved(tx, targetId);
        if (!removed) return fail("NOT_FOUND", TARGET_GONE);
        await unlistPost(tx, targetId, removed.authorId);
        await queuePostMedia(tx, targetId, now);
        Object.assign(result, { action: "remove_post", postId: targetId });
      } else {
        // Its thread is locked first (lib/comments/queries-replies.ts): a top comment's shown
        // replies leave the count with it, a reply leaves its top comment's reply_count.
        const thread = await threadOf(tx, targetId);
        const replies = thread ? ((await lockThread(tx, thread)) ?? 0) : 0;
        const removed = await markCommentRemoved(tx, targetId);
        if (!removed) return fail("NOT_FOUND", TARGET_GONE);
        // A comment awaiting approval (restricted commenter) was never counted nor public.
        const counts = await uncountComment(tx, removed, replies);
        const commentCount = removed.pendingApproval && replies === 0 ? null : counts.commentCount;
        Object.assign(result, { action: "remove_comment", postId: removed.postId, commentCount });
      }
    } else if (decision === "suspend") {
      const userId = await ownerOf(tx, targetType, targetId, "moderator");
      if (!userId) return fail("NOT_FOUND", TARGET_GONE);
      const suspended = await setAccountStatus(tx, actor, userId, "suspended");
      if (!suspended.ok) return suspended;
      await queueAccountMedia(tx, userId, now);
      result.action = "suspend_user";
      subjectUserId = userId;
    }
    const closed = await closeOpenReports(
      tx,
      { targetType, targetId },
      {
        status: decision === "dismiss" ? "dismissed" : "actioned",
        resolvedAt: now,
        resolvedBy: actor.id,
      },
    );
    if (decision === "dismiss" && closed === 0) {
      return fail("NOT_FOUND", "There are no open reports on this.");
    }
    result.reportCount = closed;
    await logDecision(tx, {
      actorId: actor.id,
      action: result.action,
      targetType,
      targetId,
      subjectUserId,
      note,
      reportCount: closed,
      createdAt: now,
    });
    return ok(result);
  });
}
