import type { ReactNode } from "react";
import { FollowButton } from "@/components/profile/follow-button";
import { Avatar } from "@/components/ui/avatar";
import Link from "@/components/ui/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { NotificationView } from "@/lib/notifications/types";
import type { AuthorView } from "@/lib/shared/post-views";

const nameLink =
  "font-semibold hover:opacity-70 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500";
const postLink =
  "hover:opacity-70 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500";

const profileHref = (user: AuthorView) => `/${encodeURIComponent(user.username)}`;

function Name({ user }: { user: AuthorView }) {
  return (
    <Link href={profileHref(user)} className={nameLink}>
      {user.username}
    </Link>
  );
}

/** "ana", "ana and ben", "ana and 12 others": the newest actor first. */
function Actors({ n }: { n: NotificationView }) {
  const [first, second] = n.actors;
  if (!first) return <span className="font-semibold">Someone</span>;
  const others = n.actorCount - 1;
  if (others <= 0) return <Name user={first} />;
  if (others === 1 && second) {
    return (
      <>
        <Name user={first} /> and <Name user={second} />
      </>
    );
  }
  return (
    <>
      <Name user={first} /> and{" "}
      <span className="font-semibold">
        {others} {others === 1 ? "other" : "others"}
      </span>
    </>
  );
}

/** What happened, after the names; the part about the post links to it. */
function Action({ n }: { n: NotificationView }): ReactNode {
  const toPost = (text: ReactNode) =>
    n.post ? (
      <Link href={`/p/${n.post.id}`} className={postLink}>
        {text}
      </Link>
    ) : (
      text
    );
  switch (n.kind) {
    case "like":
      return <> liked {toPost("your photo.")}</>;
    case "follow":
      return <> started following you.</>;
    case "follow_accept":
      return <> accepted your follow request.</>;
    case "follow_request":
      return (
        <>
          {" "}
          <Link href="/notifications/requests" className={postLink}>
            requested to follow you.
          </Link>
        </>
      );
    case "comment":
      return <> commented: {toPost(<span className="break-words">{n.excerpt}</span>)}</>;
    case "reply":
      return (
        <> replied to your comment: {toPost(<span className="break-words">{n.excerpt}</span>)}</>
      );
    case "comment_like":
      return <> liked your comment: {toPost(<span className="break-words">{n.excerpt}</span>)}</>;
    case "mention":
      return n.excerpt === null ? (
        <> mentioned you in {toPost("a post.")}</>
      ) : (
        <> mentioned you in a comment: {toPost(<span className="break-words">{n.excerpt}</span>)}</>
      );
  }
}

/** One avatar, or the two newest actors stacked (as Instagram shows a group). */
function ActorAvatars({ actors }: { actors: AuthorView[] }) {
  const [first, second] = actors;
  if (!first) return <span className="size-11 shrink-0" />;
  if (!second) {
    return (
      <Link href={profileHref(first)} tabIndex={-1} aria-hidden="true" className="shrink-0">
        <Avatar src={first.avatarUrl} name={first.name} size="md" />
      </Link>
    );
  }
  return (
    <Link
      href={profileHref(first)}
      tabIndex={-1}
      aria-hidden="true"
      className="relative size-11 shrink-0"
    >
      <Avatar
        src={second.avatarUrl}
        name={second.name}
        size="sm"
        className="absolute top-0 left-0"
      />
      <Avatar
        src={first.avatarUrl}
        name={first.name}
        size="sm"
        className="absolute right-0 bottom-0 ring-2 ring-white dark:ring-black"
      />
    </Link>
  );
}

function PostThumb({ post }: { post: NonNullable<NotificationView["post"]> }) {
  return (
    <Link
      href={`/p/${post.id}`}
      className="size-11 shrink-0 overflow-hidden rounded-md bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-neutral-800"
    >
      {post.thumbnailUrl ? (
        // biome-ignore lint/performance/noImgElement: a pre-sized webp variant from storage
        <img
          src={post.thumbnailUrl}
          alt=""
          width={44}
          height={44}
          loading="lazy"
          decoding="async"
          className="size-full object-cover"
        />
      ) : null}
      <span className="sr-only">View post</span>
    </Link>
  );
}

/** One notification: who, what, when, and the post or a follow-back button; a dot when unread. */
export function NotificationItem({ notification: n }: { notification: NotificationView }) {
  const [first] = n.actors;
  return (
    <li className="flex items-center gap-3 px-4 py-2.5">
      <ActorAvatars actors={n.actors} />
      <p className="min-w-0 flex-1 text-sm leading-5 break-words">
        {n.unread ? <span className="sr-only">Unread: </span> : null}
        <Actors n={n} />
        <Action n={n} />{" "}
        <RelativeTime iso={n.createdAt} className="text-neutral-500 dark:text-neutral-400" />
      </p>
      {n.unread ? (
        <span aria-hidden="true" className="size-2 shrink-0 rounded-full bg-sky-500" />
      ) : null}
      {n.kind === "follow" && first ? (
        <FollowButton
          person={{ id: first.id, username: first.username, viewerFollows: n.viewerFollowsActor }}
          size="sm"
          className="shrink-0"
        />
      ) : n.post ? (
        <PostThumb post={n.post} />
      ) : null}
    </li>
  );
}
