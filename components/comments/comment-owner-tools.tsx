"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { failureOf, toResult, unwrap } from "@/components/forms/action-result";
import { patchCachedItems } from "@/components/post/patch-cached-items";
import { listKeys } from "@/components/query/list-query";
import { useRealtimeViewer } from "@/components/realtime/realtime-provider";
import { approveCommentAction, setRestrictAction } from "@/lib/comments/actions-restrict";
import type { CommentView } from "@/lib/shared/post-views";
import type { CommentsData } from "./comments-query";

const linkButton =
  "font-semibold hover:text-neutral-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:hover:text-neutral-100";

/** Writes a change into every cached comment of the post that `match` picks. */
function patchComments(
  data: CommentsData | undefined,
  match: (c: CommentView) => boolean,
  change: Partial<CommentView>,
): CommentsData | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((p) => ({
      ...p,
      items: p.items.map((c) => (match(c) ? { ...c, ...change } : c)),
    })),
  };
}

/**
 * What the post's author may do with someone else's comment besides Delete: approve it while it
 * awaits approval (its author is restricted), and restrict or unrestrict its author. Renders
 * nothing for anyone else (the server checks again).
 */
export function CommentOwnerTools({ comment }: { comment: CommentView }) {
  const viewerId = useRealtimeViewer();
  const queryClient = useQueryClient();
  const key = listKeys.comments(comment.postId);
  // Only the post's author may delete someone else's comment.
  const viewerIsPostAuthor =
    viewerId !== null && comment.viewerCanDelete && comment.author.id !== viewerId;

  const approve = useMutation({
    mutationFn: async () => unwrap(toResult(await approveCommentAction({ commentId: comment.id }))),
    onSuccess: ({ commentCount }) => {
      queryClient.setQueryData<CommentsData>(key, (data) =>
        patchComments(data, (c) => c.id === comment.id, { awaitingApproval: false }),
      );
      patchCachedItems(queryClient, comment.postId, { commentCount });
    },
  });
  const restrict = useMutation({
    mutationFn: async (restricted: boolean) =>
      unwrap(toResult(await setRestrictAction({ userId: comment.author.id, restricted }))),
    onSuccess: ({ restricted }) => {
      queryClient.setQueryData<CommentsData>(key, (data) =>
        patchComments(data, (c) => c.author.id === comment.author.id, {
          authorRestricted: restricted,
        }),
      );
    },
  });

  if (!viewerIsPostAuthor) return null;
  const error = approve.error ?? restrict.error;
  const restricted = comment.authorRestricted === true;
  return (
    <>
      {comment.awaitingApproval ? (
        <>
          <span className="rounded-sm bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
            Pending
          </span>
          <button
            type="button"
            onClick={() => approve.mutate()}
            disabled={approve.isPending}
            aria-label={`Approve comment by ${comment.author.username}`}
            className={`${linkButton} text-sky-600 dark:text-sky-400`}
          >
            Approve
          </button>
        </>
      ) : null}
      <button
        type="button"
        onClick={() => restrict.mutate(!restricted)}
        disabled={restrict.isPending}
        aria-label={`${restricted ? "Unrestrict" : "Restrict"} ${comment.author.username}`}
        className={linkButton}
      >
        {restricted ? "Unrestrict" : "Restrict"}
      </button>
      {error ? (
        <span role="alert" className="text-red-600 dark:text-red-400">
          {failureOf(error).message}
        </span>
      ) : null}
    </>
  );
}
