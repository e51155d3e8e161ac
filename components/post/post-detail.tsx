import { CommentForm } from "@/components/comments/comment-form";
import { CommentList } from "@/components/comments/comment-list";
import { ReportButton } from "@/components/moderation/report-button";
import { AvatarLink, UsernameLink } from "@/components/ui/profile-link";
import { RelativeTime } from "@/components/ui/relative-time";
import { likeCountHiddenFor } from "@/lib/shared/post-controls";
import type { AuthorView, PostView } from "@/lib/shared/post-views";
import { Caption } from "./caption";
import { DoubleTapLike } from "./double-tap-like";
import { LivePost } from "./live-post";
import { PostActions } from "./post-actions";
import { PostMedia } from "./post-media";
import { PostOwnerMenu } from "./post-owner-menu";
import { PostReactionsProvider } from "./post-reactions-provider";

type PostDetailProps = {
  post: PostView;
  /** The signed-in viewer (null when signed out): shown on their comment while it posts. */
  viewer: AuthorView | null;
  viewerHasLiked: boolean;
  viewerHasSaved: boolean;
  latestLiker: { username: string } | null;
};

/**
 * One post on its own page. Phones: header, photos, actions, caption and comments, comment box.
 * From 768 px: photos on the left; on the right the author, a scrolling column with the caption
 * and comments, the action bar and the comment box (as on Instagram). Live while open (LivePost).
 */
export function PostDetail({
  post,
  viewer,
  viewerHasLiked,
  viewerHasSaved,
  latestLiker,
}: PostDetailProps) {
  const { author } = post;
  const _profileHref = `/${encodeURIComponent(author.username)}`;
  const commentInputId = `comment-${post.id}`;
  return (
    <LivePost postId={post.id}>
      <PostReactionsProvider
        postId={post.id}
        signedIn={viewer !== null}
        liked={viewerHasLiked}
        likeCount={post.likeCount}
        saved={viewerHasSaved}
      >
        <article
          aria-label={`Post by ${author.username}`}
          className="grid grid-cols-1 md:grid-cols-[minmax(0,1fr)_280px] md:grid-rows-[auto_1fr_auto_auto] md:overflow-hidden md:rounded-md md:border md:border-neutral-200 lg:grid-cols-[minmax(0,1fr)_335px] md:dark:border-neutral-800"
        >
          <h1 className="sr-only">Post by {author.username}</h1>
          <header className="order-1 flex items-center gap-3 border-neutral-200 px-4 py-3 md:order-none md:col-start-2 md:row-start-1 md:border-b dark:border-neutral-800">
            <AvatarLink person={author} size="sm" />
            <div className="min-w-0 flex-1 leading-tight">
              <UsernameLink username={author.username} className="block truncate text-sm" />
              <p className="truncate text-xs text-neutral-500 dark:text-neutral-400">
                {author.name}
              </p>
            </div>
            {post.viewerIsAuthor ? (
              <PostOwnerMenu post={post} />
            ) : viewer ? (
              <ReportButton targetType="post" targetId={post.id} />
            ) : null}
          </header>

          <div className="order-2 flex items-center justify-center bg-black md:order-none md:col-start-1 md:row-span-4 md:row-start-1 md:min-h-[450px] md:border-r md:border-neutral-200 md:dark:border-neutral-800">
            <DoubleTapLike className="flex w-full justify-center">
              <PostMedia
                media={post.media}
                sizes="(min-width: 1280px) 560px, (min-width: 1024px) calc(100vw - 72px - 335px - 2.5rem), (min-width: 768px) calc(100vw - 72px - 280px - 2.5rem), 100vw"
                priority
                className="md:max-w-[calc((100dvh-6rem)*var(--media-ratio))]"
              />
            </DoubleTapLike>
          </div>

          <div className="order-4 md:relative md:order-none md:col-start-2 md:row-start-2 md:min-h-40">
            <div className="px-4 pt-1 md:absolute md:inset-0 md:overflow-y-auto md:pt-3">
              {post.caption ? (
                <div className="flex gap-3 py-2">
                  <AvatarLink person={author} size="sm" className="hidden shrink-0 md:block" />
                  <Caption
                    text={post.caption}
                    username={author.username}
                    className="min-w-0 flex-1"
                  />
                </div>
              ) : null}
              <CommentList
                postId={post.id}
                commentsOff={post.commentsOff}
                postAuthorId={author.id}
                className="pb-2"
              />
            </div>
          </div>

          <div className="order-3 border-neutral-200 px-4 pt-1 pb-2 md:order-none md:col-start-2 md:row-start-3 md:border-t dark:border-neutral-800">
            <PostActions
              latestLiker={latestLiker}
              commentInputId={commentInputId}
              likeCountHiddenFor={likeCountHiddenFor(post)}
            />
            <p className="mt-1 text-xs text-neutral-500 dark:text-neutral-400">
              <RelativeTime iso={post.createdAt} />
            </p>
          </div>

          <CommentForm
            postId={post.id}
            signedIn={viewer !== null}
            viewer={viewer}
            inputId={commentInputId}
            commentsOff={post.commentsOff}
            className="order-5 border-t border-neutral-200 px-4 py-2 md:order-none md:col-start-2 md:row-start-4 dark:border-neutral-800"
          />
        </article>
      </PostReactionsProvider>
    </LivePost>
  );
}
