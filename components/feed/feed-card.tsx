"use client";

import { memo, type RefObject, useEffect, useRef, useState } from "react";
import type { CommentEvent } from "@/components/comments/comment-form";
import { isPendingComment } from "@/components/comments/comments-query";
import { CompactComment } from "@/components/comments/compact-comment";
import { DeferredCommentForm } from "@/components/comments/deferred-comment-form";
import { Caption } from "@/components/post/caption";
import { DoubleTapLike } from "@/components/post/double-tap-like";
import { PostActions } from "@/components/post/post-actions";
import { PostMedia } from "@/components/post/post-media";
import { PostReactionsProvider } from "@/components/post/post-reactions-provider";
import { useLivePostCache } from "@/components/realtime/use-live-post-cache";
import Link from "@/components/ui/link";
import { AvatarLink, UsernameLink } from "@/components/ui/profile-link";
import { RelativeTime } from "@/components/ui/relative-time";
import { formatCount } from "@/lib/shared/format";
import { likeCountHiddenFor } from "@/lib/shared/post-controls";
import type { AuthorView, CommentView, FeedPost } from "@/lib/shared/post-views";

type FeedCardProps = {
  post: FeedPost;
  /** The first card of the feed: its photo loads eagerly with high priority. */
  priority?: boolean;
  /** The signed-in viewer, shown on their own comment while it posts (optional). */
  viewer?: AuthorView;
};

/** Comments the viewer posted from this card, after the two latest (as Instagram shows them). */
function reduceAdded(list: CommentView[], event: CommentEvent): CommentView[] {
  switch (event.type) {
    case "add":
      return [...list, event.comment];
    case "confirm":
      return list.map((c) => (c.id === event.pendingId ? event.comment : c));
    case "remove":
      return list.filter((c) => c.id !== event.pendingId);
  }
}

/**
 * The latest comments, then those posted from this card, each once: a comment the card added
 * may also have arrived live among the latest (with its real id, or while still posting here).
 */
function shownComments(latest: CommentView[], added: CommentView[]): CommentView[] {
  const others = latest.filter((c) => !added.some((a) => a.id === c.id));
  const posting = (a: CommentView) =>
    isPendingComment(a) &&
    others.some((c) => a.author.id !== "" && c.author.id === a.author.id && c.body === a.body);
  return [...others, ...added.filter((a) => !posting(a))];
}

/**
 * Counts, latest comments and removal stay live while the card is on (or near) the screen. A
 * leaf of its own: the card coming near the screen re-renders this, not the whole card (a feed's
 * cards all turn visible at once right after hydration).
 */
function LiveWhileNear({ postId, target }: { postId: string; target: RefObject<Element | null> }) {
  const setTarget = useLivePostCache(postId, { visibleRef: true });
  useEffect(() => {
    setTarget(target.current);
    return () => setTarget(null);
  }, [setTarget, target]);
  return null;
}

/**
 * One post of the home feed, Instagram style: author and time, the photos (double tap to like),
 * the action bar, the caption cut to a few lines, a taste of the comments and a comment box.
 * 470 px wide at most, centred; the full width on phones. Live while on screen. Memoised: the
 * feed re-renders when live updates connect or a page arrives, and a card whose post (the same
 * cached object until it changes) did not change is not rendered again.
 */
export const FeedCard = memo(function FeedCard({ post, priority = false, viewer }: FeedCardProps) {
  const { author } = post;
  const postHref = `/p/${post.id}`;
  const inputId = `feed-comment-${post.id}`;
  const headingId = `feed-post-${post.id}`;
  const [added, setAdded] = useState<CommentView[]>([]);
  const shown = shownComments(post.latestComments, added);
  const article = useRef<HTMLElement>(null);

  return (
    <PostReactionsProvider
      postId={post.id}
      signedIn
      liked={post.viewerHasLiked}
      likeCount={post.likeCount}
      saved={post.viewerHasSaved}
    >
      <LiveWhileNear postId={post.id} target={article} />
      <article
        ref={article}
        aria-label={`Post by ${author.username}`}
        className="mx-auto w-full max-w-[470px] border-neutral-200 pb-4 sm:border-b dark:border-neutral-800"
      >
        <header className="flex items-center gap-3 px-3 py-2.5 sm:px-0">
          <AvatarLink person={author} size="sm" />
          <h2 id={headingId} className="flex min-w-0 items-center gap-1 text-sm">
            <UsernameLink username={author.username} className="truncate" />
            <span aria-hidden="true" className="text-neutral-500 dark:text-neutral-400">
              •
            </span>
            <Link
              href={postHref}
              className="shrink-0 text-neutral-500 hover:opacity-70 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-neutral-400"
            >
              <RelativeTime iso={post.createdAt} />
            </Link>
          </h2>
        </header>

        <DoubleTapLike className="overflow-hidden sm:rounded-md sm:border sm:border-neutral-200 sm:dark:border-neutral-800">
          <PostMedia
            media={post.media}
            sizes="(min-width: 470px) 468px, 100vw"
            priority={priority}
          />
        </DoubleTapLike>

        <div className="px-3 sm:px-0">
          <PostActions
            latestLiker={post.latestLiker}
            commentInputId={inputId}
            likeCountHiddenFor={likeCountHiddenFor(post)}
            className="pt-1"
          />

          {post.caption ? (
            <Caption
              text={post.caption}
              username={author.username}
              collapsible
              className="mt-1.5"
            />
          ) : null}

          {post.commentCount > 2 ? (
            <Link
              href={postHref}
              className="mt-1.5 block w-fit text-sm text-neutral-500 hover:text-neutral-700 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-neutral-400 dark:hover:text-neutral-200"
            >
              View all {formatCount(post.commentCount)} comments
            </Link>
          ) : null}

          {shown.length > 0 ? (
            <ul aria-label="Latest comments" className="mt-1 flex flex-col gap-0.5">
              {shown.map((comment) => (
                <CompactComment key={comment.id} comment={comment} />
              ))}
            </ul>
          ) : null}

          <DeferredCommentForm
            postId={post.id}
            signedIn
            viewer={viewer}
            inputId={inputId}
            commentsOff={post.commentsOff}
            compact
            onEvent={(event) => setAdded((list) => reduceAdded(list, event))}
            className="mt-1"
          />
        </div>
      </article>
    </PostReactionsProvider>
  );
});
