"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { X } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { failureOf, toResult, unwrap } from "@/components/forms/action-result";
import { MentionTextarea } from "@/components/forms/mention-textarea";
import { patchCachedItems } from "@/components/post/patch-cached-items";
import { listKeys } from "@/components/query/list-query";
import Link from "@/components/ui/link";
import { addCommentAction } from "@/lib/comments/actions";
import { MAX_COMMENT } from "@/lib/comments/limits";
import { formatCount } from "@/lib/shared/format";
import type { AuthorView, CommentView } from "@/lib/shared/post-views";
import { CommentsOffNotice, commentBoxProps } from "./comment-box";
import { noteReply, repliesOpenKey } from "./comment-cache";
import {
  type CommentsData,
  pendingCommentId,
  prependComment,
  removeComment,
  replaceComment,
} from "./comments-query";
import { type ReplyTarget, setReplyTarget, useReplyTarget } from "./reply-target";

/** What the form tells a list outside the comments query (the feed card) as a comment goes. */
export type CommentEvent =
  | { type: "add"; comment: CommentView }
  | { type: "confirm"; pendingId: string; comment: CommentView }
  | { type: "remove"; pendingId: string };

type CommentFormProps = {
  postId: string;
  signedIn: boolean;
  /** The author shown on the optimistic comment; without one it reads "You" until confirmed. */
  viewer?: AuthorView | null;
  /** The textarea's id, so the action bar's comment button can focus it. */
  inputId?: string;
  /** The feed card's slimmer form. */
  compact?: boolean;
  onEvent?: (event: CommentEvent) => void;
  /** The author turned comments off: the box gives way to a notice. */
  commentsOff?: boolean;
  className?: string;
  /** Text already typed (into the feed card's stand-in box, before this form loaded). */
  initialText?: string;
  /** Take the focus when mounted, the caret after the text (it replaced a focused stand-in). */
  focusOnMount?: boolean;
};

/** The counter appears this close to the limit. */
const COUNTER_FROM = MAX_COMMENT - 200;
const MAX_HEIGHT = { compact: 80, full: 120 };

/**
 * "Add a comment…": a textarea that grows, Enter posts (Shift+Enter for a new line), Post is off
 * while empty. The comment shows at once (optimistic) and is taken back, with the server's
 * message and the text restored, if the action fails.
 */
export function CommentForm({
  postId,
  signedIn,
  viewer,
  inputId,
  compact = false,
  onEvent,
  commentsOff = false,
  className = "",
  initialText = "",
  focusOnMount = false,
}: CommentFormProps) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const fallbackId = useId();
  const id = inputId ?? fallbackId;
  const errorId = `${id}-error`;
  const counterId = `${id}-counter`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initialText);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // "Reply" on a comment of the post page (the feed card's form only comments).
  const storedTarget = useReplyTarget(postId);
  const replyTo = compact ? null : storedTarget;

  // A new reply target puts "@name " in the box, as Instagram does, and the caret after it.
  useEffect(() => {
    if (!replyTo) return;
    setText((current) => {
      const rest = current.replace(/^@[\w.]+\s*/, "");
      return `@${replyTo.username} ${rest}`;
    });
    const el = textarea.current;
    if (el) {
      el.focus();
      requestAnimationFrame(() => el.setSelectionRange(el.value.length, el.value.length));
    }
  }, [replyTo]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when it replaces the stand-in
  useLayoutEffect(() => {
    const el = textarea.current;
    if (!focusOnMount || !el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const resize = useCallback(() => {
    const el = textarea.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, compact ? MAX_HEIGHT.compact : MAX_HEIGHT.full)}px`;
  }, [compact]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the height follows the text
  useLayoutEffect(resize, [text, resize]);

  const patchCount = (update: (count: number) => number) =>
    patchCachedItems(queryClient, postId, (post) => ({
      commentCount: update(typeof post.commentCount === "number" ? post.commentCount : 0),
    }));

  type Vars = { body: string; pendingId: string; replyTo: ReplyTarget | null };
  const mutation = useMutation({
    mutationFn: async ({ body, replyTo: to }: Vars) =>
      unwrap(
        toResult(
          await addCommentAction({ postId, body, ...(to ? { replyToId: to.commentId } : {}) }),
          "Check your comment.",
        ),
      ),
    onMutate: ({ body, pendingId, replyTo: to }) => {
      if (to) {
        // A reply shows in its thread once the server has it; the post's count moves now.
        patchCount((n) => n + 1);
        return;
      }
      const comment: CommentView = {
        id: pendingId,
        postId,
        author: viewer ?? { id: "", username: "", name: "You", avatarUrl: null },
        body,
        createdAt: new Date().toISOString(),
        viewerCanDelete: false,
      };
      queryClient.setQueryData<CommentsData>(
        listKeys.comments(postId),
        (data) => data && prependComment(data, comment),
      );
      patchCount((n) => n + 1);
      onEvent?.({ type: "add", comment });
    },
    onSuccess: ({ comment, commentCount, replyCount }, { pendingId }) => {
      if (comment.parentId) {
        noteReply(queryClient, {
          postId,
          parentId: comment.parentId,
          replyCount: replyCount ?? 0,
          reply: comment,
        });
        // The thread opens on the new reply (fetched, or appended when already open).
        queryClient.setQueryData(repliesOpenKey(comment.parentId), true);
        patchCount(() => commentCount);
        return;
      }
      queryClient.setQueryData<CommentsData>(
        listKeys.comments(postId),
        (data) => data && replaceComment(data, pendingId, comment),
      );
      patchCount(() => commentCount);
      onEvent?.({ type: "confirm", pendingId, comment });
    },
    onError: (err, { body, pendingId, replyTo: to }) => {
      queryClient.setQueryData<CommentsData>(
        listKeys.comments(postId),
        (data) => data && removeComment(data, pendingId),
      );
      patchCount((n) => Math.max(0, n - 1));
      if (to) setReplyTarget(queryClient, postId, to);
      else onEvent?.({ type: "remove", pendingId });
      const failure = failureOf(err);
      if (failure.code === "UNAUTHENTICATED") {
        router.push(`/login?next=${encodeURIComponent(pathname)}`);
        return;
      }
      // Give the words back unless the viewer already started another comment.
      setText((current) => (current.trim() ? current : body));
      const bodyError = failure.fieldErrors?.body?.[0];
      if (bodyError) setFieldError(bodyError);
      else setMessage(failure.message);
      textarea.current?.focus();
    },
  });

  if (commentsOff) return <CommentsOffNotice className={className} />;

  if (!signedIn) {
    return (
      <p className={`text-sm text-neutral-500 dark:text-neutral-400 ${className}`}>
        <Link
          href={`/login?next=${encodeURIComponent(`/p/${postId}`)}`}
          className="font-semibold text-sky-600 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400"
        >
          Log in
        </Link>{" "}
        to like or comment.
      </p>
    );
  }

  const body = text.trim();
  const over = text.length > MAX_COMMENT;
  const canPost = body.length > 0 && !over;

  const submit = () => {
    if (!canPost) return;
    setFieldError(null);
    setMessage(null);
    setText("");
    if (replyTo) setReplyTarget(queryClient, postId, null);
    mutation.mutate({ body, pendingId: pendingCommentId(), replyTo });
  };

  const cancelReply = () => {
    if (!replyTo) return;
    setText((current) => current.replace(new RegExp(`^@${replyTo.username}\\s*`), ""));
    setReplyTarget(queryClient, postId, null);
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Escape" && replyTo) {
      event.preventDefault();
      cancelReply();
      return;
    }
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };

  const describedBy = [
    fieldError ? errorId : null,
    text.length >= COUNTER_FROM ? counterId : null,
  ].filter(Boolean);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      className={className}
    >
      {replyTo ? (
        <div className="-mx-4 -mt-2 mb-2 flex items-center justify-between bg-neutral-100 px-4 py-2 text-sm text-neutral-500 dark:bg-neutral-900 dark:text-neutral-400">
          <span>Replying to @{replyTo.username}</span>
          <button
            type="button"
            onClick={cancelReply}
            aria-label="Cancel reply"
            className="rounded-full p-1 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:text-neutral-100"
          >
            <X aria-hidden="true" strokeWidth={2} className="size-4" />
          </button>
        </div>
      ) : null}
      <div className="flex items-end gap-2">
        <MentionTextarea
          ref={textarea}
          id={id}
          {...commentBoxProps(compact)}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (fieldError) setFieldError(null);
          }}
          onKeyDown={onKeyDown}
          aria-invalid={over || fieldError ? true : undefined}
          aria-describedby={describedBy.length > 0 ? describedBy.join(" ") : undefined}
        />
        <button
          type="submit"
          disabled={!canPost}
          className={`shrink-0 rounded-sm text-sm font-semibold text-sky-500 hover:text-sky-700 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:cursor-default disabled:opacity-40 disabled:hover:text-sky-500 dark:hover:text-sky-300 ${compact ? "py-1" : "py-2"} ${compact && !body ? "sr-only" : ""}`}
        >
          Post
        </button>
      </div>
      {text.length >= COUNTER_FROM ? (
        <p
          id={counterId}
          aria-live="polite"
          className={`text-right text-xs tabular-nums ${over ? "font-semibold text-red-600 dark:text-red-400" : "text-neutral-500 dark:text-neutral-400"}`}
        >
          {formatCount(text.length)}/{formatCount(MAX_COMMENT)}
        </p>
      ) : null}
      <div role="alert" className="text-xs text-red-600 dark:text-red-400">
        {fieldError ? <p id={errorId}>{fieldError}</p> : null}
        {message ? <p>{message}</p> : null}
      </div>
    </form>
  );
}
