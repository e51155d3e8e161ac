"use client";

import { CHANNEL_ID_PATTERN, postChannel } from "@/lib/realtime/channels";
import type {
  CommentAddedEvent,
  CommentDeletedEvent,
  CommentLikeCountEvent,
  CommentPinnedEvent,
  LikeCountEvent,
  PostEventName,
  PostEventPayload,
  PostRemovedEvent,
  ReplyAddedEvent,
  ReplyDeletedEvent,
} from "@/lib/realtime/types";
import { parsePostEvent } from "./event-contract";
import { useChannel } from "./realtime-provider";

export type LivePostHandlers = {
  onLikeCount?: (event: LikeCountEvent) => void;
  onCommentAdded?: (event: CommentAddedEvent) => void;
  onCommentDeleted?: (event: CommentDeletedEvent) => void;
  onRemoved?: (event: PostRemovedEvent) => void;
  onReplyAdded?: (event: ReplyAddedEvent) => void;
  onReplyDeleted?: (event: ReplyDeletedEvent) => void;
  onCommentLikeCount?: (event: CommentLikeCountEvent) => void;
  onCommentPinned?: (event: CommentPinnedEvent) => void;
};

/**
 * Live events of one post while mounted (postId null: none). Payloads are checked against the
 * event contract and events of another post are ignored, so handlers only see well-formed data.
 * Typical use: patch the query cache, e.g. `onLikeCount: (e) => setLikeCount(e.likeCount)`.
 */
export function useLivePost(postId: string | null, handlers: LivePostHandlers): void {
  const valid = postId !== null && CHANNEL_ID_PATTERN.test(postId);
  const channel = valid ? postChannel(postId) : null;

  function on<E extends PostEventName>(event: E, handle?: (e: PostEventPayload<E>) => void) {
    return (data: unknown) => {
      const parsed = parsePostEvent(event, data);
      if (parsed && parsed.postId === postId) handle?.(parsed);
    };
  }

  useChannel(channel, {
    "like.count": on("like.count", handlers.onLikeCount),
    "comment.added": on("comment.added", handlers.onCommentAdded),
    "comment.deleted": on("comment.deleted", handlers.onCommentDeleted),
    "post.removed": on("post.removed", handlers.onRemoved),
    "reply.added": on("reply.added", handlers.onReplyAdded),
    "reply.deleted": on("reply.deleted", handlers.onReplyDeleted),
    "comment.like-count": on("comment.like-count", handlers.onCommentLikeCount),
    "comment.pinned": on("comment.pinned", handlers.onCommentPinned),
  });
}
