"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pin } from "lucide-react";
import { useRef, useState } from "react";
import { failureOf, toResult, unwrap } from "@/components/forms/action-result";
import { ReportButton } from "@/components/moderation/report-button";
import { RichText } from "@/components/post/caption";
import { patchCachedItems } from "@/components/post/patch-cached-items";
import { listKeys } from "@/components/query/list-query";
import { useRealtimeViewer } from "@/components/realtime/realtime-provider";
import { BlockButton } from "@/components/relations/block-button";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { LazyDialog as Dialog } from "@/components/ui/lazy-dialog";
import { AvatarLink, UsernameLink } from "@/components/ui/profile-link";
import { RelativeTime } from "@/components/ui/relative-time";
import { deleteCommentAction } from "@/lib/comments/actions";
import type { CommentView } from "@/lib/shared/post-views";
import { dropReply } from "./comment-cache";
import { CommentOwnerTools } from "./comment-owner-tools";
import {
  CommentLikeButton,
  CommentLikeCount,
  CommentPinButton,
  metaButton,
} from "./comment-reactions";
import { CommentReplies } from "./comment-replies";
import { type CommentsData, isPendingComment, removeComment } from "./comments-query";
import { setReplyTarget } from "./reply-target";

type CommentItemProps = {
  comment: CommentView;
  /** Called once the server deleted it (lists outside the comments query drop it themselves). */
  onDeleted?: (commentId: string, commentCount: number) => void;
  /** The post's author (who may pin); with it, the full form shows Reply, hearts and replies. */
  postAuthorId?: string | null;
};

/**
 * One comment: avatar, username, text with linked @mentions and #tags, then time, likes, Reply,
 * Pin (the post's author) and Delete, the heart on the right, and its replies under it.
 */
export function CommentItem({ comment, onDeleted, postAuthorId = null }: CommentItemProps) {
  const { author } = comment;
  const pending = isPendingComment(comment);
  const viewerId = useRealtimeViewer();
  const queryClient = useQueryClient();
  const isReply = Boolean(comment.parentId);
  const reacts = Boolean(viewerId) && !pending && !comment.awaitingApproval;
  const name = author.username ? (
    <UsernameLink username={author.username} className="" />
  ) : (
    <span className="font-semibold">{author.name}</span>
  );

  return (
    <li
      className={`flex gap-3 py-2 ${pending ? "opacity-60" : ""}`}
      data-comment-id={comment.id}
      aria-label={comment.pinned ? `Pinned comment by ${author.username}` : undefined}
    >
      {author.username ? (
        <AvatarLink person={author} size={isReply ? "xs" : "sm"} />
      ) : (
        <Avatar src={author.avatarUrl} name={author.name} size={isReply ? "xs" : "sm"} />
      )}
      <div className="min-w-0 flex-1">
        {comment.pinned ? (
          <p className="mb-0.5 flex items-center gap-1 text-xs text-neutral-500 dark:text-neutral-400">
            <Pin aria-hidden="true" strokeWidth={2} className="size-3 rotate-45" />
            Pinned
          </p>
        ) : null}
        <p className="text-sm leading-5 break-words whitespace-pre-wrap">
          {name} <RichText text={comment.body} />
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-neutral-500 dark:text-neutral-400">
          {pending ? <span>Posting…</span> : <RelativeTime iso={comment.createdAt} />}
          {pending ? null : <CommentLikeCount comment={comment} />}
          {reacts && author.username ? (
            <button
              type="button"
              className={metaButton}
              aria-label={`Reply to ${author.username}`}
              onClick={() =>
                setReplyTarget(queryClient, comment.postId, {
                  commentId: comment.id,
                  threadId: comment.parentId ?? comment.id,
                  username: author.username,
                })
              }
            >
              Reply
            </button>
          ) : null}
          {reacts && !isReply && viewerId === postAuthorId ? (
            <CommentPinButton comment={comment} />
          ) : null}
          {comment.viewerCanDelete && !pending ? (
            <DeleteComment comment={comment} onDeleted={onDeleted} />
          ) : null}
          {pending ? null : <CommentOwnerTools comment={comment} />}
          {viewerId && author.id !== viewerId && !pending ? (
            <ReportButton targetType="comment" targetId={comment.id} variant="inline" />
          ) : null}
          {viewerId && author.id !== viewerId && author.username && !pending ? (
            <BlockButton person={author} />
          ) : null}
        </div>
        {!isReply && !pending ? (
          <CommentReplies
            comment={comment}
            renderReply={(reply) => (
              <CommentItem key={reply.id} comment={reply} postAuthorId={postAuthorId} />
            )}
          />
        ) : null}
      </div>
      {reacts ? <CommentLikeButton comment={comment} /> : null}
    </li>
  );
}

type DeleteCommentProps = Pick<CommentItemProps, "onDeleted"> & { comment: CommentView };

function DeleteComment({ comment, onDeleted }: DeleteCommentProps) {
  const queryClient = useQueryClient();
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: async () => unwrap(toResult(await deleteCommentAction({ commentId: comment.id }))),
    onSuccess: ({ commentCount, parentId, replyCount }) => {
      setOpen(false);
      if (parentId) {
        dropReply(queryClient, {
          postId: comment.postId,
          parentId,
          commentId: comment.id,
          replyCount: replyCount ?? 0,
        });
      }
      queryClient.setQueryData<CommentsData>(
        listKeys.comments(comment.postId),
        (data) => data && removeComment(data, comment.id),
      );
      patchCachedItems(queryClient, comment.postId, (post) => ({
        commentCount,
        ...(Array.isArray(post.latestComments)
          ? {
              latestComments: (post.latestComments as CommentView[]).filter(
                (c) => c.id !== comment.id,
              ),
            }
          : {}),
      }));
      onDeleted?.(comment.id, commentCount);
    },
  });
  const message = mutation.error ? failureOf(mutation.error).message : null;

  return (
    <>
      <button
        ref={trigger}
        type="button"
        aria-label={`Delete comment by ${comment.author.username}`}
        aria-haspopup="dialog"
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
        className="font-semibold hover:text-neutral-900 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:text-neutral-100"
      >
        Delete
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Delete comment?"
        description="This removes the comment for good."
        busy={mutation.isPending}
        returnFocusRef={trigger}
        showCloseButton={false}
        className="max-w-sm"
      >
        <div className="flex flex-col gap-3 p-5">
          {message ? <Alert>{message}</Alert> : null}
          <Button
            variant="danger"
            fullWidth
            pending={mutation.isPending}
            onClick={() => mutation.mutate()}
          >
            Delete
          </Button>
          <Button
            variant="secondary"
            fullWidth
            disabled={mutation.isPending}
            onClick={() => setOpen(false)}
            data-autofocus
          >
            Cancel
          </Button>
        </div>
      </Dialog>
    </>
  );
}
