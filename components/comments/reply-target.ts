"use client";

import { type QueryClient, skipToken, useQuery } from "@tanstack/react-query";

// "Reply" on a comment tells the post's comment form whom the next comment answers. The target
// lives in the query cache (one per post), so the list and the form share it without a provider.

/** `threadId`: the top comment the reply will sit under (the comment itself, or its parent). */
export type ReplyTarget = { commentId: string; threadId: string; username: string };

const replyTargetKey = (postId: string) => ["reply-target", postId] as const;

export function setReplyTarget(
  queryClient: QueryClient,
  postId: string,
  target: ReplyTarget | null,
) {
  queryClient.setQueryData(replyTargetKey(postId), target);
}

/** The comment the post's next comment replies to; null for a plain comment. */
export function useReplyTarget(postId: string): ReplyTarget | null {
  const { data } = useQuery<ReplyTarget | null>({
    queryKey: replyTargetKey(postId),
    queryFn: skipToken,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return data ?? null;
}
