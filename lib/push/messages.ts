// What a push says and where it leads, per notification kind. `byPost`: notifications of the
// kind group per post ("ana and 3 others liked your post"); otherwise per recipient ("ana and 2
// others started following you"). A kind without an entry here sends no push.

export type PushGroupFacts = {
  actor: string;
  actorUsername: string;
  /** how many other people the push stands for */
  others: number;
  postId: string | null;
  excerpt: string | null;
};

type PushMessage = {
  byPost: boolean;
  body(f: PushGroupFacts): string;
  url(f: PushGroupFacts): string;
};

const and = (f: PushGroupFacts) =>
  f.others === 0 ? f.actor : `${f.actor} and ${f.others} ${f.others === 1 ? "other" : "others"}`;
const postUrl = (f: PushGroupFacts) => (f.postId ? `/p/${f.postId}` : "/notifications");
const profileUrl = (f: PushGroupFacts) => `/${f.actorUsername}`;

export const PUSH_MESSAGES: Record<string, PushMessage> = {
  like: { byPost: true, body: (f) => `${and(f)} liked your post.`, url: postUrl },
  comment: {
    byPost: true,
    body: (f) =>
      f.others === 0 && f.excerpt
        ? `${f.actor} commented: ${f.excerpt}`
        : `${and(f)} commented on your post.`,
    url: postUrl,
  },
  reply: {
    byPost: true,
    body: (f) =>
      f.others === 0 && f.excerpt
        ? `${f.actor} replied: ${f.excerpt}`
        : `${and(f)} replied to your comment.`,
    url: postUrl,
  },
  comment_like: { byPost: true, body: (f) => `${and(f)} liked your comment.`, url: postUrl },
  mention: {
    byPost: true,
    body: (f) =>
      f.others === 0 && f.excerpt
        ? `${f.actor} mentioned you: ${f.excerpt}`
        : `${and(f)} mentioned you.`,
    url: postUrl,
  },
  follow: {
    byPost: false,
    body: (f) => `${and(f)} started following you.`,
    url: (f) => (f.others === 0 ? profileUrl(f) : "/notifications"),
  },
  follow_accept: {
    byPost: false,
    body: (f) => `${and(f)} accepted your follow request.`,
    url: (f) => (f.others === 0 ? profileUrl(f) : "/notifications"),
  },
  follow_request: {
    byPost: false,
    body: (f) => `${and(f)} ${f.others === 0 ? "wants" : "want"} to follow you.`,
    url: () => "/notifications/requests",
  },
};

/** The group a notification's push joins: per post or per recipient, by kind. */
export function pushGroupKey(kind: string, postId: string | null): string | null {
  const message = PUSH_MESSAGES[kind];
  if (!message) return null;
  return message.byPost && postId ? `${kind}:${postId}` : kind;
}

/** What the service worker receives (public/sw.js shows it). */
export type PushPayload = {
  title: string;
  body: string;
  icon: string;
  url: string;
  /** the group: a newer push replaces the shown notification of the same tag */
  tag: string;
  count: number;
};
