import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { commentLikes, commentMentions, comments, posts, restricts, users } from "@/db/schema";
import { toPage } from "@/lib/pagination/cursor";
import { descIndexed, olderThan } from "@/lib/pagination/keyset";
import { pageParams } from "@/lib/pagination/page-params";
import { extractTagsAndMentions } from "@/lib/posts/caption";
import { findMentionableIds } from "@/lib/posts/queries";
import { notBlockedBetween, notMutedComments } from "@/lib/shared/blocks";
import { avatarUrl } from "@/lib/shared/media";
import type { CommentView, Page } from "@/lib/shared/post-views";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";

// All SQL of comments. A comment is shown while its status is 'visible', its author is active
// and its post is visible by an active author; posts.comment_count counts visible comments only.
// While the post's author has comments turned off (posts.comments_off) none is listed.

export const COMMENTS_PAGE_SIZE = 20;

export const postAuthor = alias(users, "post_author");

export const commentColumns = {
  id: comments.id,
  postId: comments.postId,
  body: comments.body,
  createdAt: comments.createdAt,
  authorId: users.id,
  username: users.username,
  name: users.name,
  avatarKey: users.avatarKey,
  postAuthorId: posts.authorId,
  pendingApproval: comments.pendingApproval,
  parentId: comments.parentId,
  replyCount: comments.replyCount,
  likeCount: comments.likeCount,
  pinnedAt: comments.pinnedAt,
};

/** Whether the viewer hearted the comment (false when signed out). */
export const viewerLikedComment = (viewerId: string | null) =>
  viewerId
    ? sql<boolean>`exists (select 1 from ${commentLikes} cl where cl.comment_id = ${comments.id} and cl.user_id = ${viewerId}::uuid)`
    : sql<boolean>`false`;

export type CommentRow = {
  id: string;
  postId: string;
  body: string;
  createdAt: Date;
  authorId: string;
  username: string;
  name: string;
  avatarKey: string | null;
  postAuthorId: string;
  pendingApproval?: boolean;
  authorRestricted?: boolean;
  parentId?: string | null;
  replyCount?: number;
  likeCount?: number;
  pinnedAt?: Date | null;
  viewerLiked?: boolean;
};

/** The comment author and the post author may delete it. */
export function toCommentView(
  storage: Pick<Storage, "publicUrl">,
  row: CommentRow,
  viewerId: string | null,
): CommentView {
  return {
    id: row.id,
    postId: row.postId,
    author: {
      id: row.authorId,
      username: row.username,
      name: row.name,
      avatarUrl: avatarUrl(storage, row.avatarKey),
    },
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    viewerCanDelete:
      viewerId !== null && (viewerId === row.authorId || viewerId === row.postAuthorId),
    ...(row.pendingApproval ? { awaitingApproval: true } : {}),
    ...(row.authorRestricted ? { authorRestricted: true } : {}),
    ...(row.parentId ? { parentId: row.parentId } : { replyCount: row.replyCount ?? 0 }),
    likeCount: row.likeCount ?? 0,
    viewerHasLiked: Boolean(row.viewerLiked),
    ...(row.pinnedAt ? { pinned: true } : {}),
  };
}

export const shown = and(
  eq(comments.status, "visible"),
  eq(users.status, "active"),
  eq(posts.status, "visible"),
  eq(postAuthor.status, "active"),
);

/** Shown, and listed: the post's author has not turned comments off (then none are listed). */
const listed = and(shown, eq(posts.commentsOff, false));

/**
 * Listed to this viewer: approved, or awaiting approval and the viewer wrote it or the post (a
 * restricted account's comment; see lib/comments/service-restrict.ts).
 */
export function listedTo(viewerId: string | null): SQL | undefined {
  const approved = eq(comments.pendingApproval, false);
  if (!viewerId) return and(listed, approved);
  return and(listed, or(approved, eq(comments.authorId, viewerId), eq(posts.authorId, viewerId)));
}

/** For the post's author viewing: whether they restricted the comment's author. */
export const authorRestrictedBy = (viewerId: string | null) =>
  viewerId
    ? sql<boolean>`(${posts.authorId} = ${viewerId}::uuid and exists (select 1 from ${restricts} r where r.owner_id = ${posts.authorId} and r.restricted_id = ${comments.authorId}))`
    : sql<boolean>`false`;

/** An active account as a comment author; null when missing or suspended. */
export async function findCommentAuthor(db: Executor, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      avatarKey: users.avatarKey,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, "active")));
  return row ?? null;
}

export async function insertComment(
  tx: Executor,
  values: {
    id: string;
    postId: string;
    authorId: string;
    body: string;
    createdAt: Date;
    pendingApproval?: boolean;
    parentId?: string | null;
  },
) {
  const [row] = await tx.insert(comments).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Stores the active accounts a comment @mentions (never its author), for notifications. */
export async function insertCommentMentions(
  tx: Executor,
  commentId: string,
  authorId: string,
  body: string,
) {
  const names = extractTagsAndMentions(body).mentions;
  if (names.length === 0) return;
  const mentioned = await findMentionableIds(tx, names, authorId);
  if (mentioned.length === 0) return;
  await tx
    .insert(commentMentions)
    .values(mentioned.map((userId) => ({ commentId, userId })))
    .onConflictDoNothing();
}

/** A shown comment with its post's author, to decide who may delete it; null otherwise. */
export async function findShownComment(db: Executor, commentId: string) {
  const [row] = await db
    .select({
      id: comments.id,
      postId: comments.postId,
      authorId: comments.authorId,
      postAuthorId: posts.authorId,
      commentsOff: posts.commentsOff,
      pendingApproval: comments.pendingApproval,
      parentId: comments.parentId,
      pinnedAt: comments.pinnedAt,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(posts, eq(posts.id, comments.postId))
    .innerJoin(postAuthor, eq(postAuthor.id, posts.authorId))
    .where(and(eq(comments.id, commentId), shown));
  return row ?? null;
}

/**
 * Deletes the comment for good if it is still visible (one removed by a moderator stays, as
 * evidence). The deleted comment (whether it was awaiting approval, so out of the count), or null
 * when none was really deleted, so the count moves once.
 */
export async function deleteVisibleComment(tx: Executor, commentId: string) {
  const [row] = await tx
    .delete(comments)
    .where(and(eq(comments.id, commentId), eq(comments.status, "visible")))
    .returning({
      id: comments.id,
      postId: comments.postId,
      parentId: comments.parentId,
      pendingApproval: comments.pendingApproval,
    });
  return row ?? null;
}

/** Approves a visible comment awaiting approval; its post, or null when there was none. */
export async function approvePendingComment(tx: Executor, commentId: string) {
  const [row] = await tx
    .update(comments)
    .set({ pendingApproval: false })
    .where(
      and(
        eq(comments.id, commentId),
        eq(comments.status, "visible"),
        eq(comments.pendingApproval, true),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * comment_count + delta in place (safe under concurrent writers); the fresh count. It counts
 * shown, approved comments AND replies, as Instagram's count does.
 */
export async function shiftCommentCount(tx: Executor, postId: string, delta: number) {
  const [row] = await tx
    .update(posts)
    .set({
      commentCount:
        delta > 0
          ? sql`${posts.commentCount} + ${Math.trunc(delta)}`
          : sql`greatest(${posts.commentCount} - ${Math.trunc(-delta)}, 0)`,
    })
    .where(eq(posts.id, postId))
    .returning({ commentCount: posts.commentCount });
  return row?.commentCount ?? 0;
}

/**
 * The rows of CommentViews for a viewer (author, post author, whether the post's author restricted
 * the commenter, whether the viewer hearted it): the FROM of every comment list; add the WHERE.
 */
export function selectCommentViews(db: Executor, viewerId: string | null) {
  return db
    .select({
      ...commentColumns,
      authorRestricted: authorRestrictedBy(viewerId),
      viewerLiked: viewerLikedComment(viewerId),
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(posts, eq(posts.id, comments.postId))
    .innerJoin(postAuthor, eq(postAuthor.id, posts.authorId));
}

/**
 * The shown comments of a visible post, newest first, without those of accounts blocked either
 * way with the viewer or whose comments the viewer muted: keyset (created_at, id) with limit + 1
 * rows. Null when the cursor is malformed; an empty page for a missing or hidden post, and for
 * one whose author turned comments off. A comment awaiting approval is listed only to its author
 * and the post's author (who also learn whether the post's author restricted each commenter).
 */
export async function listComments(
  db: Executor,
  params: { postId: string; viewerId: string | null; cursor?: string | null; limit?: number },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Page<CommentView> | null> {
  const page = pageParams(params, { fallback: COMMENTS_PAGE_SIZE, max: 60 });
  if (!page) return null;
  const { limit, after } = page;
  const { viewerId } = params;
  const select = () => selectCommentViews(db, viewerId);
  const topOf = (more: SQL | undefined) =>
    and(
      eq(comments.postId, params.postId),
      isNull(comments.parentId),
      listedTo(viewerId),
      notBlockedBetween(viewerId, comments.authorId),
      notMutedComments(viewerId, comments.authorId),
      more,
    );
  // Pinned comments (at most three) lead the first page, newest pin first; the keyset pages go
  // over the others, so no comment shows twice.
  const pinned = after
    ? []
    : await select()
        .where(topOf(isNotNull(comments.pinnedAt)))
        .orderBy(sql`${comments.pinnedAt} desc`, descIndexed(comments.id));
  const rows = await select()
    .where(
      topOf(
        and(
          isNull(comments.pinnedAt),
          after ? olderThan(comments.createdAt, comments.id, after) : undefined,
        ),
      ),
    )
    .orderBy(descIndexed(comments.createdAt), descIndexed(comments.id))
    .limit(limit + 1);
  const out = toPage(
    rows,
    limit,
    (r) => ({ createdAt: r.createdAt, id: r.id }),
    (r) => toCommentView(storage, r, viewerId),
  );
  return {
    ...out,
    items: [...pinned.map((r) => toCommentView(storage, r, viewerId)), ...out.items],
  };
}

const thread = alias(comments, "thread");

/**
 * One comment or reply as the viewer's lists would show it, or null (missing, hidden, awaiting
 * someone else's approval, across a block, muted, a reply whose top comment is gone). Live events
 * carry only ids: each browser fetches the comment here with its own session, so a blocked or
 * muted author's words never reach it.
 */
export async function findListedComment(
  db: Executor,
  params: { postId: string; commentId: string; viewerId: string | null },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<CommentView | null> {
  const { viewerId } = params;
  const [row] = await selectCommentViews(db, viewerId)
    .leftJoin(thread, eq(thread.id, comments.parentId))
    .where(
      and(
        eq(comments.id, params.commentId),
        eq(comments.postId, params.postId),
        listedTo(viewerId),
        notBlockedBetween(viewerId, comments.authorId),
        notMutedComments(viewerId, comments.authorId),
        sql`(${comments.parentId} is null or ${thread.status} = 'visible')`,
      ),
    )
    .limit(1);
  return row ? toCommentView(storage, row, viewerId) : null;
}

/**
 * The newest `perPost` shown (and approved) comments of each post, for feed cards, in ONE query (row_number
 * over each post's comments); each list is oldest first, as a card shows it.
 */
export async function latestCommentsFor(
  db: Executor,
  postIds: string[],
  viewerId: string | null,
  perPost = 2,
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Map<string, CommentView[]>> {
  const out = new Map<string, CommentView[]>();
  if (postIds.length === 0 || perPost < 1) return out;
  const ranked = db
    .select({
      id: comments.id,
      rn: sql<number>`row_number() over (partition by ${comments.postId} order by ${comments.createdAt} desc, ${comments.id} desc)`.as(
        "rn",
      ),
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(posts, eq(posts.id, comments.postId))
    .innerJoin(postAuthor, eq(postAuthor.id, posts.authorId))
    .where(
      and(
        inArray(comments.postId, postIds),
        isNull(comments.parentId),
        listed,
        eq(comments.pendingApproval, false),
        notBlockedBetween(viewerId, comments.authorId),
        notMutedComments(viewerId, comments.authorId),
      ),
    )
    .as("ranked");
  const rows = await db
    .select(commentColumns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(
      inArray(
        comments.id,
        db
          .select({ id: ranked.id })
          .from(ranked)
          .where(lte(ranked.rn, Math.trunc(perPost))),
      ),
    )
    .orderBy(asc(comments.postId), asc(comments.createdAt), asc(comments.id));
  for (const row of rows) {
    const list = out.get(row.postId) ?? [];
    list.push(toCommentView(storage, row, viewerId));
    out.set(row.postId, list);
  }
  return out;
}
