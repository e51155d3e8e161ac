"use client";

import { CirclePlus } from "lucide-react";
import { lists } from "@/components/query/list-query";
import { useListQuery } from "@/components/query/use-list-query";
import { useLiveFallback } from "@/components/realtime/use-live-fallback";
import type { CommentView } from "@/lib/shared/post-views";
import { CommentItem } from "./comment-item";

type CommentListProps = {
  postId: string;
  /** The author turned comments off: nothing is listed (the server sends none either). */
  commentsOff?: boolean;
  /** The post's author: they may pin comments. */
  postAuthorId?: string | null;
  className?: string;
};

/**
 * A post's comments, newest first: the first page prefetched by the server page, older ones with
 * "View more comments". Lives in the TanStack cache under listKeys.comments(postId), where the
 * comment form adds (optimistically) and live updates write (useLivePostCache).
 */
export function CommentList({
  postId,
  commentsOff = false,
  postAuthorId = null,
  className = "",
}: CommentListProps) {
  // Live events keep the list fresh; while they are paused, it polls and refetches on focus.
  const live = useLiveFallback();
  const query = useListQuery<CommentView>(lists.comments(postId), {
    refetchInterval: live.refetchInterval,
    refetchOnWindowFocus: live.refetchOnWindowFocus ? "always" : false,
  });
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;

  const comments = data?.pages.flatMap((p) => p.items) ?? [];
  if (commentsOff) return null;

  return (
    <section aria-label="Comments" className={className}>
      {data && comments.length === 0 ? (
        <div className="hidden py-8 text-center md:block">
          <p className="text-lg font-bold">No comments yet.</p>
          <p className="text-sm text-neutral-500 dark:text-neutral-400">Start the conversation.</p>
        </div>
      ) : (
        <ul>
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} postAuthorId={postAuthorId} />
          ))}
        </ul>
      )}
      {hasNextPage ? (
        <div className="flex justify-center py-2">
          <button
            type="button"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
            aria-busy={isFetchingNextPage || undefined}
            className="inline-flex items-center gap-2 rounded-full px-3 py-1.5 text-sm text-neutral-600 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-60 dark:text-neutral-400 dark:hover:text-neutral-100"
          >
            <CirclePlus aria-hidden="true" strokeWidth={1.5} className="size-6" />
            {isFetchingNextPage ? "Loading comments…" : "View more comments"}
          </button>
        </div>
      ) : null}
      <p role="alert" className="text-center text-sm text-red-600 dark:text-red-400">
        {isFetchNextPageError ? "Couldn't load more comments. Try again." : ""}
      </p>
    </section>
  );
}
