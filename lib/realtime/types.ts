// The contract of live events: what the server publishes and what the browser accepts. Pure (zod
// only), imported by both sides. Browsers parse every event with these schemas and drop the rest.
// zod/mini (the same checks, functional API): the browser loads a few KB of it after the page
// has loaded, not the whole of zod, whose evaluation was a long task on every signed-in page.
import { z } from "zod/mini";
import { CHANNEL_ID_PATTERN } from "./channels";

const id = z.string().check(z.regex(CHANNEL_ID_PATTERN));
const count = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
export const likeCountSchema = z.object({ postId: id, likeCount: count });

/**
 * A new comment: its id and the post's count, never its text or author. Each open page fetches
 * the comment with its own session (GET /api/posts/<postId>/comments/<commentId>), so a comment
 * of someone the viewer blocked, was blocked by or muted never reaches that browser.
 */
export const commentAddedSchema = z.object({ postId: id, commentId: id, commentCount: count });

export const commentDeletedSchema = z.object({
  postId: id,
  commentId: id,
  commentCount: count,
});

export const postRemovedSchema = z.object({ postId: id });

/**
 * A reply under a top comment: its id (fetched by each open page with its own session, as for
 * comment.added), the top comment's and the post's fresh counts.
 */
export const replyAddedSchema = z.object({
  postId: id,
  parentId: id,
  commentId: id,
  commentCount: count,
  replyCount: count,
});

export const replyDeletedSchema = z.object({
  postId: id,
  parentId: id,
  commentId: id,
  commentCount: count,
  replyCount: count,
});

/** A comment's fresh heart count (who hearted is not said: viewer state stays the viewer's). */
export const commentLikeCountSchema = z.object({ postId: id, commentId: id, likeCount: count });

/** The post's author pinned or unpinned a comment: open lists fetch the order again. */
export const commentPinnedSchema = z.object({ postId: id, commentId: id, pinned: z.boolean() });

export const notificationCreatedSchema = z.object({ id, unreadCount: count });

export const notificationsReadSchema = z.object({ unreadCount: count });

export const notificationRemovedSchema = z.object({ unreadCount: count });

/**
 * The user's rights changed (a block, either way): the browser authorises every channel it holds
 * again, so a post channel it may no longer hear is refused. Carries nothing.
 */
export const channelsReauthorizeSchema = z.object({});

/** Events on `private-post-<postId>` (authorised per viewer: not across a block). */
export const postEventSchemas = {
  "like.count": likeCountSchema,
  "comment.added": commentAddedSchema,
  "comment.deleted": commentDeletedSchema,
  "post.removed": postRemovedSchema,
  "reply.added": replyAddedSchema,
  "reply.deleted": replyDeletedSchema,
  "comment.like-count": commentLikeCountSchema,
  "comment.pinned": commentPinnedSchema,
} as const;

/** Events on `private-user-<userId>` (only that user). */
export const userEventSchemas = {
  "notification.created": notificationCreatedSchema,
  "notifications.read": notificationsReadSchema,
  "notification.removed": notificationRemovedSchema,
  "channels.reauthorize": channelsReauthorizeSchema,
} as const;

export type PostEventName = keyof typeof postEventSchemas;
export type UserEventName = keyof typeof userEventSchemas;
export type PostEventPayload<E extends PostEventName> = z.infer<(typeof postEventSchemas)[E]>;
export type UserEventPayload<E extends UserEventName> = z.infer<(typeof userEventSchemas)[E]>;

export type LikeCountEvent = PostEventPayload<"like.count">;
export type CommentAddedEvent = PostEventPayload<"comment.added">;
export type CommentDeletedEvent = PostEventPayload<"comment.deleted">;
export type PostRemovedEvent = PostEventPayload<"post.removed">;
export type ReplyAddedEvent = PostEventPayload<"reply.added">;
export type ReplyDeletedEvent = PostEventPayload<"reply.deleted">;
export type CommentLikeCountEvent = PostEventPayload<"comment.like-count">;
export type CommentPinnedEvent = PostEventPayload<"comment.pinned">;
export type NotificationCreatedEvent = UserEventPayload<"notification.created">;
export type NotificationsReadEvent = UserEventPayload<"notifications.read">;

/** The payload checked by its event's schema; null when there is none or the payload is malformed. */
function parseWith<P>(schema: z.ZodMiniType | undefined, data: unknown): P | null {
  const parsed = schema?.safeParse(data);
  return parsed?.success ? (parsed.data as P) : null;
}

/** Parses one received post event; null when the name is unknown or the payload malformed. */
export function parsePostEvent<E extends PostEventName>(event: E, data: unknown) {
  return parseWith<PostEventPayload<E>>(postEventSchemas[event], data);
}

/** Parses one received user event; null when the name is unknown or the payload malformed. */
export function parseUserEvent<E extends UserEventName>(event: E, data: unknown) {
  return parseWith<UserEventPayload<E>>(userEventSchemas[event], data);
}

/**
 * What the browser needs to connect, rendered by the server into the page at request time (no
 * NEXT_PUBLIC_ inlining, so one build runs with any settings). Holds no secret.
 */
export type RealtimeClientConfig = {
  enabled: boolean;
  key: string;
  /** Pusher Channels cluster; pusher-js requires one even when wsHost overrides it */
  cluster: string;
  /** null: the cluster's own host (Pusher Channels) */
  wsHost: string | null;
  wsPort: number | null;
  forceTLS: boolean;
};
