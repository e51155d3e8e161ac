"use client";

import { skipToken, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { fetchListPage, lists, pagingOptions } from "@/components/query/list-query";
import { formatCount } from "@/lib/shared/format";
import type { CommentView, Page } from "@/lib/shared/post-views";
import { repliesOpenKey } from "./comment-cache";

type CommentRepliesProps = {
  comment: CommentView;
  /** Renders one reply (CommentItem, passed in to keep the two files apart). */
  renderReply: (reply: CommentView) => ReactNode;
};

/**
 * Under a top comment: "—— View replies (N)" opens its replies, oldest first, fetched by cursor
 * ("View more replies" for the rest); "Hide replies" folds them again. Open while the viewer has
 * just replied, so their reply shows.
 */
export function CommentReplies({ comment, renderReply }: CommentRepliesProps) {
  const queryClient = useQueryClient();
  const source = lists.replies(comment.id);
  const { data: open = false } = useQuery<boolean>({
    queryKey: repliesOpenKey(comment.id),
    queryFn: skipToken,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const query = useInfiniteQuery({
    queryKey: source.queryKey,
    queryFn: ({ pageParam, signal }) =>
      fetchListPage<CommentView>(source.endpoint, pageParam, signal),
    ...pagingOptions,
    getNextPageParam: (last: Page<CommentView>) => last.nextCursor,
    enabled: open,
  });
  const count = comment.replyCount ?? 0;
  if (count === 0 && !open) return null;
  const replies = query.data?.pages.flatMap((p) => p.items) ?? [];
  const setOpen = (value: boolean) => queryClient.setQueryData(repliesOpenKey(comment.id), value);
  const shown = open ? replies.length : 0;

  return (
    <div className="mt-2">
      {open && replies.length > 0 ? (
        <ul aria-label={`Replies to ${comment.author.username}`}>{replies.map(renderReply)}</ul>
      ) : null}
      {!open || query.hasNextPage || count > 0 ? (
        <button
          type="button"
          aria-expanded={open}
          disabled={query.isFetching}
          onClick={() => {
            if (!open) setOpen(true);
            else if (query.hasNextPage) void query.fetchNextPage();
            else setOpen(false);
          }}
          className="flex items-center gap-4 py-1 text-xs font-semibold text-neutral-500 hover:text-neutral-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-neutral-400 dark:hover:text-neutral-100"
        >
          <span aria-hidden="true" className="h-px w-6 bg-neutral-400 dark:bg-neutral-600" />
          {query.isFetching && open
            ? "Loading…"
            : !open
              ? `View replies (${formatCount(count)})`
              : query.hasNextPage
                ? `View more replies (${formatCount(Math.max(count - shown, 1))})`
                : "Hide replies"}
        </button>
      ) : null}
      {query.isError ? (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          Couldn't load replies. Try again.
        </p>
      ) : null}
    </div>
  );
}
