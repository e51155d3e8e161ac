import type { QueryClient } from "@tanstack/react-query";
import { listKeys } from "@/components/query/list-query";
import type { CommentView } from "@/lib/shared/post-views";
import { appendReply, type CommentsData, patchComment, removeComment } from "./comments-query";

// Cache writes for one comment wherever it is cached: a post's comment list and the open replies
// lists (listKeys.replies). Used by the comment's own buttons and by the live hook alike.

/** Whether a reply thread is open ("View replies" pressed, or the viewer just replied). */
export const repliesOpenKey = (commentId: string) => ["replies-open", commentId] as const;

/** Patches the comment with `commentId` in the post's list and in every cached replies list. */
export function patchCommentEverywhere(
  queryClient: QueryClient,
  postId: string,
  commentId: string,
  change: (comment: CommentView) => Partial<CommentView>,
) {
  queryClient.setQueryData<CommentsData>(
    listKeys.comments(postId),
    (data) => data && patchComment(data, commentId, change),
  );
  for (const [key, data] of queryClient.getQueriesData<CommentsData>({ queryKey: ["replies"] })) {
    if (data) queryClient.setQueryData(key, patchComment(data, commentId, change));
  }
}

/** A reply arrived (the viewer's own or live): its top comment's count, and its open list. */
export function noteReply(
  queryClient: QueryClient,
  event: { postId: string; parentId: string; replyCount: number; reply: CommentView },
) {
  const { postId, parentId, replyCount, reply } = event;
  patchCommentEverywhere(queryClient, postId, parentId, () => ({ replyCount }));
  queryClient.setQueryData<CommentsData>(
    listKeys.replies(parentId),
    (data) => data && appendReply(data, reply),
  );
}

/** A reply went: out of its list, and its top comment's count follows. */
export function dropReply(
  queryClient: QueryClient,
  event: { postId: string; parentId: string; commentId: string; replyCount: number },
) {
  const { postId, parentId, commentId, replyCount } = event;
  patchCommentEverywhere(queryClient, postId, parentId, () => ({ replyCount }));
  queryClient.setQueryData<CommentsData>(
    listKeys.replies(parentId),
    (data) => data && removeComment(data, commentId),
  );
}

/** While the viewer's own heart is on its way, live counts (which may predate it) wait. */
export const commentLikeMutationKey = (commentId: string) => ["comment-like", commentId] as const;
