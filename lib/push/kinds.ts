// The kinds of push a person can turn on or off in Settings → Notifications, one entry each: a
// key (stored in push_muted_kinds when off), what Settings shows, and the notification kinds it
// covers. A new notification kind gets a push by adding it to an entry here (or a new entry)
// and a message in lib/push/messages.ts. No server imports: the settings form reads this too.

export type PushKindOption = {
  key: string;
  label: string;
  description: string;
  notificationKinds: readonly string[];
};

export const PUSH_KINDS = [
  {
    key: "likes",
    label: "Likes",
    description: "Someone likes your post.",
    notificationKinds: ["like"],
  },
  {
    key: "comments",
    label: "Comments",
    description: "Someone comments on your post.",
    notificationKinds: ["comment"],
  },
  {
    key: "replies",
    label: "Replies",
    description: "Someone replies to your comment.",
    notificationKinds: ["reply"],
  },
  {
    key: "comment_likes",
    label: "Comment likes",
    description: "Someone likes your comment.",
    notificationKinds: ["comment_like"],
  },
  {
    key: "mentions",
    label: "Mentions",
    description: "Someone mentions you in a caption or comment.",
    notificationKinds: ["mention"],
  },
  {
    key: "follows",
    label: "Followers",
    description: "Someone follows you or accepts your request.",
    notificationKinds: ["follow", "follow_accept"],
  },
  {
    key: "follow_requests",
    label: "Follow requests",
    description: "Someone asks to follow your private account.",
    notificationKinds: ["follow_request"],
  },
] as const satisfies readonly PushKindOption[];

export type PushKindKey = (typeof PUSH_KINDS)[number]["key"];

export const PUSH_KIND_KEYS = PUSH_KINDS.map((k) => k.key) as [PushKindKey, ...PushKindKey[]];

/** The settings key covering a notification kind, or null when no push exists for it. */
export function pushKindOf(notificationKind: string): PushKindKey | null {
  const found = PUSH_KINDS.find((k) =>
    (k.notificationKinds as readonly string[]).includes(notificationKind),
  );
  return found?.key ?? null;
}
