// What pages and components receive about posts and profiles: plain, serialisable, no SQL types.

/** One photo of a post, ready for <img srcset>. */
export type MediaView = {
  id: string;
  width: number;
  height: number;
  /** data:image/webp;base64,... shown until the photo loads */
  placeholder: string;
  alt: string;
  /** URL of the largest variant */
  src: string;
  /** every variant, largest first */
  srcSet: { url: string; width: number }[];
};

export type AuthorView = {
  id: string;
  username: string;
  name: string;
  avatarUrl: string | null;
};

export type PostView = {
  id: string;
  author: AuthorView;
  caption: string;
  /** ISO 8601 */
  createdAt: string;
  /** 0 for everyone but the author when `likeCountHidden` */
  likeCount: number;
  /** 0 when `commentsOff` */
  commentCount: number;
  media: MediaView[];
  /** the signed-in viewer wrote it (may edit and delete) */
  viewerIsAuthor: boolean;
  /** the author hid the like count: only they see the number ("Liked by X and others" for the rest) */
  likeCountHidden: boolean;
  /** the author turned comments off: none are shown or accepted, the count is hidden */
  commentsOff: boolean;
};

/** A square thumbnail of the profile grid. */
export type GridItem = {
  id: string;
  cover: MediaView;
  mediaCount: number;
  /** 0 when `likeCountHidden` (grids never show a hidden count, not even to the author) */
  likeCount: number;
  /** 0 when `commentsOff` */
  commentCount: number;
  likeCountHidden: boolean;
  commentsOff: boolean;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type ProfileView = {
  id: string;
  username: string;
  name: string;
  bio: string;
  website: string | null;
  avatarUrl: string | null;
  postCount: number;
  followerCount: number;
  followingCount: number;
  viewerIsSelf: boolean;
  /** the viewer blocked this account: the header shows Unblock, no posts or lists */
  viewerBlocks: boolean;
  /** what of this account the viewer muted (its posts in the feed, its comments) */
  viewerMutes: { posts: boolean; comments: boolean };
  /** only approved followers see the posts, saved items and follow lists */
  isPrivate: boolean;
  /** the signed-in viewer follows this account */
  viewerFollows: boolean;
  /** the viewer asked to follow this private account and the owner has not answered yet */
  viewerRequested: boolean;
  /** the viewer may see the posts and the follow lists (public, one's own, or followed) */
  viewerCanSeePosts: boolean;
};

export type CommentView = {
  id: string;
  postId: string;
  author: AuthorView;
  /** plain text; render through tokenizeCaption, never as HTML */
  body: string;
  createdAt: string;
  /** the viewer wrote it, or wrote the post */
  viewerCanDelete: boolean;
  /**
   * by an account the post's author restricted, not yet approved: only its author and the post's
   * author see it (the post's author may approve or delete it)
   */
  awaitingApproval?: boolean;
  /** for the post's author only: they restricted the comment's author */
  authorRestricted?: boolean;
  /** a reply: the top comment it sits under (replies are one level deep) */
  parentId?: string;
  /** a top comment's shown, approved replies ("View replies (N)") */
  replyCount?: number;
  /** hearts on the comment */
  likeCount?: number;
  /** the viewer hearted it */
  viewerHasLiked?: boolean;
  /** the post's author pinned it to the top ("Pinned") */
  pinned?: boolean;
};

/** A post as a feed card shows it: the post, the viewer's state, and a taste of the talk. */
export type FeedPost = PostView & {
  viewerHasLiked: boolean;
  viewerHasSaved: boolean;
  /** the two newest visible comments, oldest of the two first */
  latestComments: CommentView[];
  /** the newest liker, for "liked by X and N others"; null when nobody liked it */
  latestLiker: { username: string } | null;
};

/** A row of a people list (followers, following, likers, suggestions). */
export type PersonView = AuthorView & {
  viewerFollows: boolean;
  /** the viewer's follow request to this (private) account is pending: the button reads "Requested" */
  viewerRequested: boolean;
  /** a private account: Follow sends a request */
  isPrivate: boolean;
  /** the row is the viewer (no follow button) */
  isViewer: boolean;
  /** e.g. "Followed by ana + 2 more" or "Popular"; optional */
  reason?: string;
};
