import type { AuthorView } from "@/lib/shared/post-views";

// What the notifications page receives: plain, serialisable, no SQL types.

export type NotificationKind =
  | "like"
  | "comment"
  | "mention"
  | "follow"
  | "follow_request"
  | "follow_accept"
  | "reply"
  | "comment_like";

/**
 * One row of the notifications list. Likes on the same post are grouped into one item ("ana and
 * 12 others liked your photo."), likes of the same comment likewise ("ana and 2 others liked
 * your comment: ..."); follows, comments, replies and mentions are one item each.
 */
export type NotificationView = {
  /** the id of the item's newest notification (stable while the group gets no newer row) */
  id: string;
  kind: NotificationKind;
  /** newest first, at most 2 (for the stacked avatars and "ana, ben and N others") */
  actors: AuthorView[];
  /** how many people the item stands for (a like group counts each liker once) */
  actorCount: number;
  /** the post liked, commented on or mentioned in; null for follows */
  post: { id: string; thumbnailUrl: string | null } | null;
  /** the first characters of the comment (comment, mention in a comment); plain text */
  excerpt: string | null;
  /** ISO 8601 of the newest notification of the item */
  createdAt: string;
  /** the recipient has not seen (part of) it yet */
  unread: boolean;
  /** the recipient follows the first actor (a follow-back button on follow items) */
  viewerFollowsActor: boolean;
};

/** A notification row a write created: published to `recipientId` once the write committed. */
export type Notified = { id: string; recipientId: string };

/**
 * A service's answer plus the notifications its transaction created, and the recipients whose
 * notification it took back (an unlike, an unfollow): both published after commit.
 */
export type WithNotified<R> = { result: R; notified: Notified[]; unnotified?: string[] };
