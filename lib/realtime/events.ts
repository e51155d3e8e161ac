// Typed helpers the actions call AFTER their transaction commits, e.g.
//   after(() => publishLikeCount(getPublisher(), postId, likeCount));   // `after` from next/server
// Each payload is checked against the same schema the browser uses, and unknown fields (such as a
// viewer-specific `viewerCanDelete`) are stripped, so nothing private leaks onto a public channel.
// Like the publisher, these never throw.
import type { z } from "zod/mini";
import { postChannel, userChannel } from "./channels";
import { type Publisher, throttledLogger } from "./publisher";
import {
  type PostEventName,
  postEventSchemas,
  type UserEventName,
  userEventSchemas,
} from "./types";

const report = throttledLogger((m) => console.warn(m), 60_000);

async function send(
  publisher: Publisher,
  channel: () => string,
  event: string,
  schema: z.ZodMiniType,
  payload: unknown,
): Promise<void> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    report(`[realtime] not publishing a malformed ${event}: ${parsed.error.issues[0]?.message}`);
    return;
  }
  let name: string;
  try {
    name = channel();
  } catch {
    report(`[realtime] not publishing ${event}: invalid id for a channel name`);
    return;
  }
  await publisher.publish(name, event, parsed.data);
}

function onPost(publisher: Publisher, postId: string, event: PostEventName, payload: unknown) {
  return send(publisher, () => postChannel(postId), event, postEventSchemas[event], payload);
}

function onUser(publisher: Publisher, userId: string, event: UserEventName, payload: unknown) {
  return send(publisher, () => userChannel(userId), event, userEventSchemas[event], payload);
}

/** The post's new like count, after a like or unlike committed. */
export function publishLikeCount(publisher: Publisher, postId: string, likeCount: number) {
  return onPost(publisher, postId, "like.count", { postId, likeCount });
}

/** A new comment (only its id: browsers fetch it with their own session) and the new count. */
export function publishCommentAdded(
  publisher: Publisher,
  event: { postId: string; commentId: string; commentCount: number },
) {
  return onPost(publisher, event.postId, "comment.added", event);
}

export function publishCommentDeleted(
  publisher: Publisher,
  event: { postId: string; commentId: string; commentCount: number },
) {
  return onPost(publisher, event.postId, "comment.deleted", event);
}

/** A new reply (only its id: browsers fetch it with their own session) and the fresh counts. */
export function publishReplyAdded(
  publisher: Publisher,
  event: {
    postId: string;
    parentId: string;
    commentId: string;
    commentCount: number;
    replyCount: number;
  },
) {
  return onPost(publisher, event.postId, "reply.added", event);
}

export function publishReplyDeleted(
  publisher: Publisher,
  event: {
    postId: string;
    parentId: string;
    commentId: string;
    commentCount: number;
    replyCount: number;
  },
) {
  return onPost(publisher, event.postId, "reply.deleted", event);
}

/** A comment's fresh heart count, after a like or unlike of it committed. */
export function publishCommentLikeCount(
  publisher: Publisher,
  event: { postId: string; commentId: string; likeCount: number },
) {
  return onPost(publisher, event.postId, "comment.like-count", event);
}

export function publishCommentPinned(
  publisher: Publisher,
  event: { postId: string; commentId: string; pinned: boolean },
) {
  return onPost(publisher, event.postId, "comment.pinned", event);
}

/** The post was deleted by its author or removed by a moderator: open pages drop it. */
export function publishPostRemoved(publisher: Publisher, postId: string) {
  return onPost(publisher, postId, "post.removed", { postId });
}

/** A new notification for `userId` (only the id: the browser fetches it with its own session). */
export function publishNotification(
  publisher: Publisher,
  userId: string,
  event: { id: string; unreadCount: number },
) {
  return onUser(publisher, userId, "notification.created", event);
}

/** A notification of `userId` was taken back (an unlike, an unfollow): badges show the new count. */
export function publishNotificationRemoved(
  publisher: Publisher,
  userId: string,
  event: { unreadCount: number },
) {
  return onUser(publisher, userId, "notification.removed", event);
}

/** The user read their notifications (in another tab or device): badges reset everywhere. */
export function publishNotificationsRead(
  publisher: Publisher,
  userId: string,
  event: { unreadCount: number },
) {
  return onUser(publisher, userId, "notifications.read", event);
}

/** `userId`'s rights changed (a block): their browsers authorise each channel they hold again. */
export function publishChannelsReauthorize(publisher: Publisher, userId: string) {
  return onUser(publisher, userId, "channels.reauthorize", {});
}
