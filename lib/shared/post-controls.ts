// The per-post controls of an author (hide the like count, turn comments off) as every view of a
// post applies them: pure, shared by posts, likes, comments, feed and discover.

/** What the comment box says, and what the server answers a new comment, while comments are off. */
export const COMMENTS_OFF_MESSAGE = "Comments on this post have been turned off.";

/** The stored counts and controls of a post (posts.like_count, comment_count, the two flags). */
export type ControlledCounts = {
  likeCount: number;
  commentCount: number;
  hideLikeCount: boolean;
  commentsOff: boolean;
};

/**
 * The counts one viewer may see: a hidden like count is 0 for everyone but the author (for grids,
 * `viewerIsAuthor` false: no grid shows it), and the comment count is 0 while comments are off.
 */
export function visibleCounts(row: ControlledCounts, viewerIsAuthor: boolean) {
  return {
    likeCount: row.hideLikeCount && !viewerIsAuthor ? 0 : row.likeCount,
    commentCount: row.commentsOff ? 0 : row.commentCount,
    likeCountHidden: row.hideLikeCount,
    commentsOff: row.commentsOff,
  };
}

/**
 * How a post's likes line reads to its viewer when the author hid the count: "hidden" (no number)
 * for everyone else, "author" (the number, and a note that only they see it) for the author.
 */
export type LikeCountHiddenFor = "hidden" | "author" | undefined;

export const likeCountHiddenFor = (post: {
  likeCountHidden: boolean;
  viewerIsAuthor: boolean;
}): LikeCountHiddenFor =>
  post.likeCountHidden ? (post.viewerIsAuthor ? "author" : "hidden") : undefined;
