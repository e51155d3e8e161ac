"use client";

import { type QueryClient, skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { dropReply, noteReply, patchCommentEverywhere } from "@/components/comments/comment-cache";
import { commentLikeMutationKey } from "@/components/comments/comment-reactions";
import type { CommentsData } from "@/components/comments/comments-query";
import {
  type ReactionsSnapshot,
  reactionsKey,
  reactionsMutationKey,
} from "@/components/post/use-post-reactions";
import { listKeys } from "@/components/query/list-query";
import type {
  CommentAddedEvent,
  CommentDeletedEvent,
  CommentLikeCountEvent,
  LikeCountEvent,
  PostRemovedEvent,
  ReplyAddedEvent,
  ReplyDeletedEvent,
} from "@/lib/realtime/types";
import {
  applyCommentAdded,
  applyCommentDeleted,
  applyLikeCount,
  applyPostComments,
  applyPostRemoved,
  type InfiniteList,
  isInfiniteList,
  isItemsList,
  toCommentView,
} from "./live-cache-updates";
import { useRealtimeViewer } from "./realtime-provider";
import { useLivePost } from "./use-live-post";
import { useNearViewport } from "./use-visible-posts";

// The one place where live events of a post become cache updates (CONVENTIONS habit 7):
// components read the query cache and never see an event.

/** Set (true) when the post was removed while open: the post page shows a notice instead. */
export const removedPostKey = (postId: string) => ["post-removed", postId] as const;

/** Writes `update` into every cached list (infinite or one page) it changes. */
function updateCachedLists(queryClient: QueryClient, update: (data: InfiniteList) => InfiniteList) {
  for (const query of queryClient.getQueryCache().getAll()) {
    const data: unknown = query.state.data;
    if (isInfiniteList(data)) {
      const next = update(data);
      if (next !== data) queryClient.setQueryData(query.queryKey, next);
    } else if (isItemsList(data)) {
      const wrapped: InfiniteList = { pages: [data], pageParams: [null] };
      const next = update(wrapped);
      if (next !== wrapped) queryClient.setQueryData(query.queryKey, next.pages[0] ?? data);
    }
  }
}

function onLikeCount(queryClient: QueryClient, { postId, likeCount }: LikeCountEvent) {
  // The viewer's own like or unlike is on its way: its optimistic count stays, and the server's
  // answer (the count as of that write) settles it. Counts heard meanwhile may predate it.
  const likeKey = [...reactionsMutationKey(postId), "like"];
  if (queryClient.isMutating({ mutationKey: likeKey }) > 0) return;
  updateCachedLists(queryClient, (data) => applyLikeCount(data, postId, likeCount));
  // Only the count: events carry no viewer state, so `liked` stays the viewer's own.
  queryClient.setQueryData<ReactionsSnapshot>(reactionsKey(postId), (state) =>
    state && state.likeCount !== likeCount ? { ...state, likeCount } : state,
  );
}

function onCommentAdded(
  queryClient: QueryClient,
  event: CommentAddedEvent,
  viewerId: string | null,
  postAuthorId: string | null,
) {
  const { postId, commentCount } = event;
  const comment = toCommentView(event.comment, viewerId, postAuthorId);
  queryClient.setQueryData<CommentsData>(
    listKeys.comments(postId),
    (data) => data && applyCommentAdded(data, comment),
  );
  updateCachedLists(queryClient, (data) =>
    applyPostComments(data, postId, { commentCount, added: comment }),
  );
}

function onCommentDeleted(queryClient: QueryClient, event: CommentDeletedEvent) {
  const { postId, commentId, commentCount } = event;
  queryClient.setQueryData<CommentsData>(
    listKeys.comments(postId),
    (data) => data && applyCommentDeleted(data, commentId),
  );
  // Its replies went with it.
  queryClient.removeQueries({ queryKey: listKeys.replies(commentId) });
  updateCachedLists(queryClient, (data) =>
    applyPostComments(data, postId, { commentCount, deletedId: commentId }),
  );
}

function onReplyAdded(
  queryClient: QueryClient,
  event: ReplyAddedEvent,
  viewerId: string | null,
  postAuthorId: string | null,
) {
  const { postId, parentId, replyCount, commentCount } = event;
  const reply = { ...toCommentView(event.comment, viewerId, postAuthorId), parentId };
  noteReply(queryClient, { postId, parentId, replyCount, reply });
  updateCachedLists(queryClient, (data) => applyPostComments(data, postId, { commentCount }));
}

function onReplyDeleted(queryClient: QueryClient, event: ReplyDeletedEvent) {
  dropReply(queryClient, event);
  const { postId, commentCount } = event;
  updateCachedLists(queryClient, (data) => applyPostComments(data, postId, { commentCount }));
}

function onCommentLikeCount(queryClient: QueryClient, event: CommentLikeCountEvent) {
  const { postId, commentId, likeCount } = event;
  // The viewer's own heart is on its way: its answer settles the count (as for post likes).
  if (queryClient.isMutating({ mutationKey: commentLikeMutationKey(commentId) }) > 0) return;
  patchCommentEverywhere(queryClient, postId, commentId, () => ({ likeCount }));
}

function onRemoved(queryClient: QueryClient, { postId }: PostRemovedEvent) {
  updateCachedLists(queryClient, (data) => applyPostRemoved(data, postId));
  queryClient.setQueryData(removedPostKey(postId), true);
}

type LivePostCacheOptions = {
  /**
   * true: listen only while the element given the returned ref is on or near the screen (feed
   * cards); otherwise listen while mounted (the post page) and the ref is not needed.
   */
  visibleRef?: boolean;
  /** The post's author, who may delete any comment on it (for live comments' Delete). */
  postAuthorId?: string | null;
};

/**
 * Keeps every cached view of one post live: like count (lists and the action bar), comment list
 * and count, feed card's latest comments, and removal. Returns a ref for `visibleRef` mode.
 */
export function useLivePostCache(
  postId: string,
  { visibleRef = false, postAuthorId = null }: LivePostCacheOptions = {},
): (element: Element | null) => void {
  const queryClient = useQueryClient();
  const viewerId = useRealtimeViewer();
  const [ref, visible] = useNearViewport();
  const listening = !visibleRef || visible;
  useLivePost(listening ? postId : null, {
    onLikeCount: (event) => onLikeCount(queryClient, event),
    onCommentAdded: (event) => onCommentAdded(queryClient, event, viewerId, postAuthorId),
    onCommentDeleted: (event) => onCommentDeleted(queryClient, event),
    onRemoved: (event) => onRemoved(queryClient, event),
    onReplyAdded: (event) => onReplyAdded(queryClient, event, viewerId, postAuthorId),
    onReplyDeleted: (event) => onReplyDeleted(queryClient, event),
    onCommentLikeCount: (event) => onCommentLikeCount(queryClient, event),
    // Pins reorder the list: it is fetched again.
    onCommentPinned: ({ postId }) =>
      void queryClient.invalidateQueries({ queryKey: listKeys.comments(postId) }),
  });
  return ref;
}

/** Whether the post was removed while this tab had it open (set by useLivePostCache). */
export function usePostRemoved(postId: string): boolean {
  const { data } = useQuery<boolean>({
    queryKey: removedPostKey(postId),
    queryFn: skipToken,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return data === true;
}
