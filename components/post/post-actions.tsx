"use client";

import { Bookmark, Heart, MessageCircle, Send } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { MountWhenOpened } from "@/components/ui/mount-when-opened";
import { UsernameLink } from "@/components/ui/profile-link";
import { formatCount } from "@/lib/shared/format";
import type { LikeCountHiddenFor } from "@/lib/shared/post-controls";
import styles from "./heart-animations.module.css";
import { usePostReactionsContext } from "./use-post-reactions";

type PostActionsProps = {
  /** The newest liker, for "Liked by X and N others"; null shows "N likes". */
  latestLiker: { username: string } | null;
  /** The id of the comment box the comment button focuses; without one it opens the post. */
  commentInputId?: string;
  /**
   * The author hid the like count: "hidden" for everyone else (no number, "Liked by X and
   * others"), "author" for the author (the number, and a note that only they see it).
   */
  likeCountHiddenFor?: LikeCountHiddenFor;
  className?: string;
};

// The likers' list (and its follow buttons) is fetched when first opened, not with the page.
const PeopleListDialog = dynamic(
  () => import("@/components/profile/people-list-dialog").then((m) => m.PeopleListDialog),
  { ssr: false },
);

const iconButton =
  "inline-flex size-10 items-center justify-center rounded-full transition-opacity hover:opacity-60 focus-visible:outline-2 focus-visible:outline-sky-500 active:opacity-40";

/**
 * The action bar under a photo: like, comment, share, and save on the right; then the likes line
 * ("N likes" or "Liked by X and N others"), which opens the list of likers. Must sit inside a
 * PostReactionsProvider, which keeps the optimistic state.
 */
export function PostActions({
  latestLiker,
  commentInputId,
  likeCountHiddenFor,
  className = "",
}: PostActionsProps) {
  const r = usePostReactionsContext();
  const router = useRouter();
  const likesButton = useRef<HTMLButtonElement>(null);
  const [likersOpen, setLikersOpen] = useState(false);
  const [copied, setCopied] = useState<"ok" | "failed" | null>(null);
  const [bounce, setBounce] = useState(0);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(null), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const postHref = `/p/${r.postId}`;

  const onComment = () => {
    if (!r.signedIn) return router.push(r.loginHref);
    const input = commentInputId ? document.getElementById(commentInputId) : null;
    if (input) {
      input.focus();
      input.scrollIntoView({ block: "nearest" });
    } else {
      router.push(postHref);
    }
  };

  const onShare = async () => {
    const url = new URL(postHref, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
  };

  const others = r.likeCount - 1;
  const showLikedBy = latestLiker !== null && !r.likeChanged && r.likeCount > 0;
  // "N likes" / "and N others": opens the likers dialog (focus returns here when it closes).
  const likersButton = (label: string, extra = "") => (
    <button
      ref={likesButton}
      type="button"
      aria-haspopup="dialog"
      onClick={() => setLikersOpen(true)}
      className={`font-semibold ${extra} hover:opacity-70 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500`}
    >
      {label}
    </button>
  );

  return (
    <div className={`relative ${className}`}>
      <div className="-mx-2 flex items-center">
        <button
          type="button"
          aria-label={r.liked ? "Unlike" : "Like"}
          aria-pressed={r.liked}
          onClick={() => {
            if (!r.liked) setBounce((n) => n + 1);
            r.toggleLike();
          }}
          className={iconButton}
        >
          <Heart
            key={bounce}
            aria-hidden="true"
            strokeWidth={r.liked ? 0 : 2}
            className={`size-6 ${r.liked ? "fill-red-500 text-red-500" : ""} ${bounce > 0 ? styles.bounce : ""}`}
          />
        </button>
        <button type="button" aria-label="Comment" onClick={onComment} className={iconButton}>
          <MessageCircle aria-hidden="true" className="size-6 -scale-x-100" />
        </button>
        <button type="button" aria-label="Share" onClick={onShare} className={iconButton}>
          <Send aria-hidden="true" className="size-[1.4rem] rotate-[15deg]" />
        </button>
        <button
          type="button"
          aria-label={r.saved ? "Remove from saved" : "Save"}
          aria-pressed={r.saved}
          onClick={r.toggleSave}
          className={`${iconButton} ml-auto`}
        >
          <Bookmark aria-hidden="true" className={`size-6 ${r.saved ? "fill-current" : ""}`} />
        </button>
      </div>

      <p className="text-sm">
        {likeCountHiddenFor === "hidden" ? (
          <HiddenLikes
            latestLiker={r.likeChanged ? null : latestLiker}
            liked={r.liked}
            others={likersButton("others")}
          />
        ) : r.likeCount === 0 ? (
          <span className="text-neutral-600 dark:text-neutral-400">Be the first to like this</span>
        ) : showLikedBy ? (
          <>
            Liked by <UsernameLink username={latestLiker.username} className="" />
            {others > 0 ? (
              <>
                {" and "}
                {likersButton(`${formatCount(others)} ${others === 1 ? "other" : "others"}`)}
              </>
            ) : null}
          </>
        ) : (
          likersButton(
            `${formatCount(r.likeCount)} ${r.likeCount === 1 ? "like" : "likes"}`,
            "tabular-nums",
          )
        )}
      </p>
      {likeCountHiddenFor === "author" ? (
        <p className="text-xs text-neutral-500 dark:text-neutral-400">
          Only you can see the total number of likes on this post.
        </p>
      ) : null}

      <div aria-live="assertive" aria-atomic="true">
        {r.error ? (
          <p className="mt-1 text-sm text-red-600 dark:text-red-400">
            {r.error}{" "}
            <button
              type="button"
              onClick={r.dismissError}
              className="font-semibold underline-offset-2 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500"
            >
              Dismiss
            </button>
          </p>
        ) : null}
      </div>
      <div
        role="status"
        aria-atomic="true"
        className="pointer-events-none absolute -top-11 left-1/2 z-10 -translate-x-1/2"
      >
        {copied ? (
          <p className="rounded-full bg-neutral-900 px-3 py-1.5 text-xs font-semibold whitespace-nowrap text-white shadow-lg dark:bg-white dark:text-neutral-900">
            {copied === "ok" ? "Link copied" : "Couldn't copy the link"}
          </p>
        ) : null}
      </div>

      <MountWhenOpened open={likersOpen}>
        <PeopleListDialog
          open={likersOpen}
          onClose={() => setLikersOpen(false)}
          title="Likes"
          endpoint={`/api/posts/${r.postId}/likes`}
          emptyText="No likes yet."
          signedIn={r.signedIn}
          returnFocusRef={likesButton}
        />
      </MountWhenOpened>
    </div>
  );
}

/** The likes line when the author hid the count: who liked it, never how many. */
function HiddenLikes({
  latestLiker,
  liked,
  others,
}: {
  latestLiker: { username: string } | null;
  liked: boolean;
  others: ReactNode;
}) {
  if (latestLiker) {
    return (
      <>
        Liked by <UsernameLink username={latestLiker.username} className="" /> and {others}
      </>
    );
  }
  return liked ? <>Liked by you</> : null;
}
