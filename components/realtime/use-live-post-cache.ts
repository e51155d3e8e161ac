"use client";

import { type QueryClient, skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  commentLikeMutationKey,
  dropReply,
  patchCommentEverywhere,
} from "@/components/comments/comment-cache";
import { appendReply, type CommentsData } from "@/components/comments/comments-query";
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
import type { CommentView } from "@/lib/shared/post-views";
import {
  applyCommentAdded,
  applyCommentDeleted,
  applyLikeCount,
  applyPostComments,
  applyPostRemoved,
  type InfiniteList,
  isInfiniteList,
  isItemsList,
} from "./live-cache-updates";
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

/** The comment as this viewer's list shows it, fetched with the viewer's session; null if hidden. */
async function fetchComment(postId: string, commentId: string): Promise<CommentView | null> {
  try {
    const res = await fetch(`/api/posts/${postId}/comments/${commentId}`, {
      headers: { accept: "application/json" },
    });
    if (!res.ok) return null;
    const comment = (await res.json()) as CommentView;
    return comment.id === commentId && comment.postId === postId ? comment : null;
  } catch {
    return null;
  }
}

async function onCommentAdded(queryClient: QueryClient, event: CommentAddedEvent) {
  const { postId, commentId, commentCount } = event;
  updateCachedLists(queryClient, (data) => applyPostComments(data, postId, { commentCount }));
  // The event holds no text or author: the server answers the comment only if this viewer may
  // read it (not across a block, not muted, not awaiting someone else's approval).
  const comment = await fetchComment(postId, commentId);
  if (!comment) return;
  queryClient.setQueryData<CommentsData>(
    listKeys.comments(postId),
    (data) => data && applyCommentAdded(data, comment),
  );
  // The count was set from the event: a later event's may be newer, so only the comment goes in.
  updateCachedLists(queryClient, (data) => applyPostComments(data, postId, { added: comment }));
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

async function onReplyAdded(queryClient: QueryClient, event: ReplyAddedEvent) {
  const { postId, parentId, commentId, replyCount, commentCount } = event;
  patchCommentEverywhere(queryClient, postId, parentId, () => ({ replyCount }));
  updateCachedLists(queryClient, (data) => applyPostComments(data, postId, { commentCount }));
  // Only a thread whose replies are open shows the reply: fetched with the viewer's session
  // (the event holds no text or author), so a blocked or muted author's reply stays out.
  if (!queryClient.getQueryData(listKeys.replies(parentId))) return;
  const reply = await fetchComment(postId, commentId);
  if (!reply) return;
  queryClient.setQueryData<CommentsData>(
    listKeys.replies(parentId),
    (data) => data && appendReply(data, { ...reply, parentId }),
  );
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
};

/**
 * Keeps every cached view of one post live: like count (lists and the action bar), comment list
 * and count, feed card's latest comments, and removal. Returns a ref for `visibleRef` mode.
 */
export function useLivePostCache(
  postId: string,
  { visibleRef = false }: LivePostCacheOptions = {},
): (element: Element | null) => void {
  const queryClient = useQueryClient();
  const [ref, visible] = useNearViewport();
  const listening = !visibleRef || visible;
  useLivePost(listening ? postId : null, {
    onLikeCount: (event) => onLikeCount(queryClient, event),
    onCommentAdded: (event) => void onCommentAdded(queryClient, event),
    onCommentDeleted: (event) => onCommentDeleted(queryClient, event),
    onRemoved: (event) => onRemoved(queryClient, event),
    onReplyAdded: (event) => void onReplyAdded(queryClient, event),
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
