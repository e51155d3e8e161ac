"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Heart } from "lucide-react";
import { useState } from "react";
import { failureOf, toResult, unwrap } from "@/components/forms/action-result";
import { setCommentLikeAction, setCommentPinAction } from "@/lib/comments/actions-reactions";
import { formatCount } from "@/lib/shared/format";
import type { CommentView } from "@/lib/shared/post-views";
import { commentLikeMutationKey, patchCommentEverywhere } from "./comment-cache";

// The heart on a comment and the post author's Pin / Unpin.

export const metaButton =
  "font-semibold hover:text-neutral-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:hover:text-neutral-100";

/** "3 likes" in a comment's meta row; nothing at 0. */
export function CommentLikeCount({ comment }: { comment: CommentView }) {
  const n = comment.likeCount ?? 0;
  if (n === 0) return null;
  return (
    <span className="font-semibold" data-testid="comment-like-count">
      {formatCount(n)} {n === 1 ? "like" : "likes"}
    </span>
  );
}

/** The small heart at a comment's right: optimistic, put back with a notice if refused. */
export function CommentLikeButton({ comment }: { comment: CommentView }) {
  const queryClient = useQueryClient();
  const liked = Boolean(comment.viewerHasLiked);
  const [message, setMessage] = useState<string | null>(null);
  const set = (viewerHasLiked: boolean, likeCount?: number) =>
    patchCommentEverywhere(queryClient, comment.postId, comment.id, (c) => ({
      viewerHasLiked,
      likeCount:
        likeCount ??
        Math.max(
          0,
          (c.likeCount ?? 0) + (viewerHasLiked === c.viewerHasLiked ? 0 : viewerHasLiked ? 1 : -1),
        ),
    }));
  const mutation = useMutation({
    mutationKey: commentLikeMutationKey(comment.id),
    mutationFn: async (next: boolean) =>
      unwrap(toResult(await setCommentLikeAction({ commentId: comment.id, liked: next }))),
    onMutate: (next) => {
      setMessage(null);
      set(next);
    },
    onSuccess: ({ liked: now, likeCount }) => set(now, likeCount),
    onError: (err, next) => {
      set(!next);
      setMessage(failureOf(err).message);
    },
  });
  const who = comment.author.username || comment.author.name;
  return (
    <div className="flex shrink-0 flex-col items-center pt-1">
      <button
        type="button"
        aria-label={liked ? `Unlike comment by ${who}` : `Like comment by ${who}`}
        aria-pressed={liked}
        onClick={() => mutation.mutate(!liked)}
        className="rounded-sm p-1 text-neutral-500 hover:text-neutral-400 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-neutral-400"
      >
        <Heart
          aria-hidden="true"
          strokeWidth={2}
          className={`size-3.5 ${liked ? "fill-red-500 text-red-500" : ""}`}
        />
      </button>
      {message ? (
        <span role="alert" className="sr-only">
          {message}
        </span>
      ) : null}
    </div>
  );
}

/** Pin / Unpin for the post's author (the server checks again, and refuses a fourth pin). */
export function CommentPinButton({ comment }: { comment: CommentView }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const pinned = Boolean(comment.pinned);
  const mutation = useMutation({
    mutationFn: async (next: boolean) =>
      unwrap(toResult(await setCommentPinAction({ commentId: comment.id, pinned: next }))),
    onMutate: () => setMessage(null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["comments", comment.postId] }),
    onError: (err) => setMessage(failureOf(err).message),
  });
  return (
    <>
      <button
        type="button"
        onClick={() => mutation.mutate(!pinned)}
        disabled={mutation.isPending}
        aria-label={`${pinned ? "Unpin" : "Pin"} comment by ${comment.author.username}`}
        className={metaButton}
      >
        {pinned ? "Unpin" : "Pin"}
      </button>
      {message ? (
        <span role="alert" className="basis-full text-red-600 dark:text-red-400">
          {message}
        </span>
      ) : null}
    </>
  );
}
