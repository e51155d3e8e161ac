import "server-only";
import { and, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { comments, notifications, postMedia, posts, users } from "@/db/schema";
import { toPage } from "@/lib/pagination/cursor";
import { olderThan } from "@/lib/pagination/keyset";
import { pageParams } from "@/lib/pagination/page-params";
import { notBlockedBetween } from "@/lib/shared/blocks";
import { avatarUrl } from "@/lib/shared/media";
import { personColumns, viewerFollowsColumn } from "@/lib/shared/people";
import type { AuthorView, Page } from "@/lib/shared/post-views";
import { canSeePostsOf } from "@/lib/shared/private-accounts";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import type { NotificationKind, NotificationView } from "./types";

// All reads of notifications, and marking them read. A notification is shown while its actor is
// active, its post (if any) is visible by an active author and its comment (if any) is visible.

export const NOTIFICATIONS_PAGE_SIZE = 20;
const EXCERPT_LENGTH = 100;

const actor = alias(users, "actor");
const postAuthor = alias(users, "post_author");

/**
 * Likes on one post are one item, likes of one comment too; every other notification is an item
 * of its own.
 */
const groupKey = sql`${notifications.kind}, case when ${notifications.kind} = 'like' then ${notifications.postId} when ${notifications.kind} = 'comment_like' then ${notifications.commentId} else ${notifications.id} end`;
const newestFirst = sql`order by ${notifications.createdAt} desc, ${notifications.id} desc`;

/** Whitespace collapsed, cut at a word near EXCERPT_LENGTH characters. */
export function excerptOf(body: string): string {
  const text = body.replace(/\s+/g, " ").trim();
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${(space > EXCERPT_LENGTH * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The recipient's notifications, newest item first. Paging is over items: keyset on (newest
 * created_at of the item, id of that newest row), so an item never shows on two pages. Three
 * queries a page: the items, their actors, their posts' covers. Null when the cursor is malformed.
 */
export async function listNotifications(
  db: Executor,
  params: { userId: string; cursor?: string | null; limit?: number },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Page<NotificationView> | null> {
  const page = pageParams(params, { fallback: NOTIFICATIONS_PAGE_SIZE, max: 60 });
  if (!page) return null;
  const { limit, after } = page;

  const grouped = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      actorId: notifications.actorId,
      postId: notifications.postId,
      createdAt: notifications.createdAt,
      body: comments.body,
      rn: sql<number>`row_number() over (partition by ${groupKey} ${newestFirst})`.as("rn"),
      actorCount: sql<number>`count(*) over (partition by ${groupKey})`.as("actor_count"),
      unread:
        sql<boolean>`bool_or(${notifications.readAt} is null) over (partition by ${groupKey})`.as(
          "unread",
        ),
      secondActorId: sql<
        string | null
      >`nth_value(${notifications.actorId}, 2) over (partition by ${groupKey} ${newestFirst} rows between unbounded preceding and unbounded following)`.as(
        "second_actor_id",
      ),
    })
    .from(notifications)
    .innerJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(posts, eq(posts.id, notifications.postId))
    .leftJoin(postAuthor, eq(postAuthor.id, posts.authorId))
    .leftJoin(comments, eq(comments.id, notifications.commentId))
    .where(shownWhere(params.userId))
    .as("grouped");

  const rows = await db
    .select()
    .from(grouped)
    .where(
      and(
        sql`${grouped.rn} = 1`,
        after ? olderThan(grouped.createdAt, grouped.id, after) : undefined,
      ),
    )
    .orderBy(desc(grouped.createdAt), desc(grouped.id))
    .limit(limit + 1);
  const pageRows = rows.slice(0, limit);

  const actorIds = [...new Set(pageRows.flatMap((r) => [r.actorId, r.secondActorId ?? r.actorId]))];
  const postIds = [...new Set(pageRows.flatMap((r) => (r.postId ? [r.postId] : [])))];
  const people = actorIds.length
    ? await db
        .select({ ...personColumns, viewerFollows: viewerFollowsColumn(params.userId) })
        .from(users)
        .where(inArray(users.id, actorIds))
    : [];
  const covers = postIds.length
    ? await db
        .select({ postId: postMedia.postId, variants: postMedia.variants })
        .from(postMedia)
        .where(and(inArray(postMedia.postId, postIds), eq(postMedia.position, 0)))
    : [];

  const byId = new Map(people.map((p) => [p.id, p]));
  const thumbs = new Map(
    covers.map((c) => {
      const smallest = [...c.variants].sort((a, b) => a.width - b.width)[0];
      return [c.postId, smallest ? storage.publicUrl(smallest.key) : null];
    }),
  );
  const author = (id: string | null): AuthorView[] => {
    const p = id ? byId.get(id) : undefined;
    return p
      ? [
          {
            id: p.id,
            username: p.username,
            name: p.name,
            avatarUrl: avatarUrl(storage, p.avatarKey),
          },
        ]
      : [];
  };

  return toPage(
    rows,
    limit,
    (r) => ({ createdAt: r.createdAt, id: r.id }),
    (r): NotificationView => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      actors: [...author(r.actorId), ...author(r.secondActorId)],
      actorCount: Number(r.actorCount),
      post: r.postId ? { id: r.postId, thumbnailUrl: thumbs.get(r.postId) ?? null } : null,
      excerpt: r.body === null ? null : excerptOf(r.body),
      createdAt: r.createdAt.toISOString(),
      unread: Boolean(r.unread),
      viewerFollowsActor: Boolean(byId.get(r.actorId)?.viewerFollows),
    }),
  );
}

function shownWhere(recipientId: string, extra?: SQL) {
  return and(
    eq(notifications.recipientId, recipientId),
    eq(actor.status, "active"),
    notBlockedBetween(recipientId, notifications.actorId),
    or(
      isNull(notifications.postId),
      and(eq(posts.status, "visible"), eq(postAuthor.status, "active")),
    ),
    or(isNull(notifications.commentId), eq(comments.status, "visible")),
    // A mention on a private account's post the recipient may no longer see is not shown.
    or(
      isNull(notifications.postId),
      canSeePostsOf(recipientId, postAuthor.id, postAuthor.isPrivate),
    ),
    extra,
  );
}

/** Unread items, counted as the list shows them (a group of likes is one), for the nav badge. */
export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({
      n: sql<number>`count(distinct case when ${notifications.kind} = 'like' then 'like:' || ${notifications.postId}::text when ${notifications.kind} = 'comment_like' then 'comment_like:' || ${notifications.commentId}::text else ${notifications.id}::text end)`.mapWith(
        Number,
      ),
    })
    .from(notifications)
    .innerJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(posts, eq(posts.id, notifications.postId))
    .leftJoin(postAuthor, eq(postAuthor.id, posts.authorId))
    .leftJoin(comments, eq(comments.id, notifications.commentId))
    .where(shownWhere(userId, isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks every unread notification of the user read; answers how many rows it marked. */
export async function markAllRead(db: Executor, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.recipientId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
