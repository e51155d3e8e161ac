import "server-only";
import { and, eq, inArray, isNull, ne, type SQL } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Executor } from "@/db/client";
import { commentMentions, notifications, postMentions, users } from "@/db/schema";
import { notBlockedBetween } from "@/lib/shared/blocks";
import type { NotificationKind, Notified } from "./types";

// Writes of notifications. Every function runs INSIDE the caller's transaction (the like, follow,
// comment or post it follows from), never notifies the actor about their own action nor a
// suspended account, and answers the rows it really created so the caller publishes after commit.

type Row = {
  kind: NotificationKind;
  actorId: string;
  postId?: string | null;
  commentId?: string | null;
  now: Date;
};

/** The active accounts among `ids`, the actor and anyone blocked either way with them left out. */
async function activeRecipients(tx: Executor, ids: string[], actorId: string) {
  const wanted = [...new Set(ids)].filter((id) => id !== actorId);
  if (wanted.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.id, wanted),
        eq(users.status, "active"),
        ne(users.id, actorId),
        notBlockedBetween(actorId, users.id),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * Inserts one notification per recipient. A like or follow that already has its row (the partial
 * unique indexes) is skipped by ON CONFLICT DO NOTHING, so repeating a write never doubles it.
 */
async function insertFor(tx: Executor, recipients: string[], row: Row): Promise<Notified[]> {
  const active = await activeRecipients(tx, recipients, row.actorId);
  if (active.length === 0) return [];
  return tx
    .insert(notifications)
    .values(
      active.map((recipientId) => ({
        id: uuidv7(),
        recipientId,
        actorId: row.actorId,
        kind: row.kind,
        postId: row.postId ?? null,
        commentId: row.commentId ?? null,
        createdAt: row.now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id, recipientId: notifications.recipientId });
}

/** Deletes the actor's notifications of `kind` to the recipient (narrowed by `more`); who lost one. */
async function takeBack(
  tx: Executor,
  n: { kind: NotificationKind; recipientId: string; actorId: string },
  more?: SQL,
) {
  const rows = await tx
    .delete(notifications)
    .where(
      and(
        eq(notifications.kind, n.kind),
        eq(notifications.recipientId, n.recipientId),
        eq(notifications.actorId, n.actorId),
        more,
      ),
    )
    .returning({ recipientId: notifications.recipientId });
  return rows.map((r) => r.recipientId);
}

/** "ana liked your photo": once per liker and post, to the post's author. */
export function notifyLike(
  tx: Executor,
  p: { actorId: string; postId: string; postAuthorId: string; now: Date },
) {
  return insertFor(tx, [p.postAuthorId], { kind: "like", ...p });
}

/** An unlike takes its notification back; answers the recipients who lost one. */
export async function unnotifyLike(
  tx: Executor,
  p: { actorId: string; postId: string; postAuthorId: string },
) {
  return takeBack(
    tx,
    { kind: "like", recipientId: p.postAuthorId, actorId: p.actorId },
    eq(notifications.postId, p.postId),
  );
}

/** "ben started following you": once per follower, to the account followed. */
export function notifyFollow(tx: Executor, p: { actorId: string; followeeId: string; now: Date }) {
  return insertFor(tx, [p.followeeId], { kind: "follow", actorId: p.actorId, now: p.now });
}

/** An unfollow takes its notification back; answers the recipients who lost one. */
export async function unnotifyFollow(tx: Executor, p: { actorId: string; followeeId: string }) {
  return takeBack(tx, { kind: "follow", recipientId: p.followeeId, actorId: p.actorId });
}

/** "ben asked to follow you": to a private account, once per pending request. */
export function notifyFollowRequest(
  tx: Executor,
  p: { actorId: string; targetId: string; now: Date },
) {
  return insertFor(tx, [p.targetId], { kind: "follow_request", actorId: p.actorId, now: p.now });
}

/** A request approved, deleted or cancelled takes its notification back; who lost one. */
export async function unnotifyFollowRequest(
  tx: Executor,
  p: { actorId: string; targetId: string },
) {
  return takeBack(tx, { kind: "follow_request", recipientId: p.targetId, actorId: p.actorId });
}

/** "ana accepted your follow request": to the requester, once per approval (an older one goes). */
export async function notifyFollowAccepted(
  tx: Executor,
  p: { actorId: string; requesterId: string; now: Date },
) {
  await takeBack(tx, { kind: "follow_accept", recipientId: p.requesterId, actorId: p.actorId });
  return insertFor(tx, [p.requesterId], { kind: "follow_accept", actorId: p.actorId, now: p.now });
}

/** "chloe commented: nice!": to the post's author (not when they comment on their own post). */
export function notifyComment(
  tx: Executor,
  p: { actorId: string; postAuthorId: string; postId: string; commentId: string; now: Date },
) {
  return insertFor(tx, [p.postAuthorId], { kind: "comment", ...p });
}

/** "ben replied to your comment: thanks!": to the author of the comment replied to. */
export function notifyReply(
  tx: Executor,
  p: { actorId: string; repliedToAuthorId: string; postId: string; commentId: string; now: Date },
) {
  return insertFor(tx, [p.repliedToAuthorId], { kind: "reply", ...p });
}

/** "ana liked your comment": once per liker and comment, to the comment's author. */
export function notifyCommentLike(
  tx: Executor,
  p: { actorId: string; commentAuthorId: string; postId: string; commentId: string; now: Date },
) {
  return insertFor(tx, [p.commentAuthorId], { kind: "comment_like", ...p });
}

/** Un-hearting a comment takes its notification back; answers the recipients who lost one. */
export function unnotifyCommentLike(
  tx: Executor,
  p: { actorId: string; commentAuthorId: string; commentId: string },
) {
  return takeBack(
    tx,
    { kind: "comment_like", recipientId: p.commentAuthorId, actorId: p.actorId },
    eq(notifications.commentId, p.commentId),
  );
}

/**
 * "dev mentioned you": to each active account in `userIds` but the actor. Without `commentId` it
 * is a mention in a post's caption, and an account already told about that post is skipped, so
 * editing a caption notifies only the newly mentioned.
 */
export async function notifyMentions(
  tx: Executor,
  p: { actorId: string; userIds: string[]; postId: string; commentId?: string | null; now: Date },
) {
  let userIds = p.userIds;
  if (userIds.length > 0 && !p.commentId) {
    const told = await tx
      .select({ id: notifications.recipientId })
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, "mention"),
          eq(notifications.postId, p.postId),
          isNull(notifications.commentId),
          inArray(notifications.recipientId, userIds),
        ),
      );
    const skip = new Set(told.map((r) => r.id));
    userIds = userIds.filter((id) => !skip.has(id));
  }
  return insertFor(tx, userIds, { kind: "mention", ...p });
}

/** The accounts a comment @mentions (stored by insertCommentMentions). */
export async function commentMentionIds(tx: Executor, commentId: string) {
  const rows = await tx
    .select({ id: commentMentions.userId })
    .from(commentMentions)
    .where(eq(commentMentions.commentId, commentId));
  return rows.map((r) => r.id);
}

/** The accounts a post's caption @mentions (kept by syncMentions). */
export async function postMentionIds(tx: Executor, postId: string) {
  const rows = await tx
    .select({ id: postMentions.userId })
    .from(postMentions)
    .where(eq(postMentions.postId, postId));
  return rows.map((r) => r.id);
}
