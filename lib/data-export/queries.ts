import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db, Executor } from "@/db/client";
import {
  comments,
  type DataExport,
  dataExports,
  follows,
  likes,
  postMedia,
  posts,
  saves,
  users,
} from "@/db/schema";
import { downloadPath } from "./paths";

// All SQL of "Download your information": the export rows (request, claim, finish, expire) and
// the owner's data read page by page while the archive streams (lib/data-export/archive.ts).

export const PAGE_SIZE = 200;

/** The storage key of an export's archive; account deletion removes the whole exports/<user>/. */
export const exportKey = (userId: string, exportId: string) => `exports/${userId}/${exportId}.zip`;

/** The account's most recent export, whatever its state. */
export async function latestExport(db: Executor, userId: string): Promise<DataExport | null> {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(eq(dataExports.userId, userId))
    .orderBy(desc(dataExports.requestedAt), desc(dataExports.id))
    .limit(1);
  return row ?? null;
}

/** One export of this owner (ownership in the WHERE: anyone else's id is not found). */
export async function ownExport(
  db: Executor,
  userId: string,
  exportId: string,
): Promise<DataExport | null> {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, exportId), eq(dataExports.userId, userId)));
  return row ?? null;
}

/**
 * Takes the oldest pending export nobody holds (never claimed, or its claim ran out: a lost job)
 * and holds it until `until`. SKIP LOCKED: two runners never take the same row.
 */
export async function claimPendingExport(
  db: Db,
  now: Date,
  until: Date,
): Promise<DataExport | null> {
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: dataExports.id })
      .from(dataExports)
      .where(
        and(
          eq(dataExports.status, "pending"),
          or(isNull(dataExports.claimedUntil), lt(dataExports.claimedUntil, now)),
        ),
      )
      .orderBy(asc(dataExports.requestedAt), asc(dataExports.id))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) return null;
    const [row] = await tx
      .update(dataExports)
      .set({ claimedUntil: until, attempts: sql`${dataExports.attempts} + 1` })
      .where(eq(dataExports.id, next.id))
      .returning();
    return row ?? null;
  });
}

/** Ready archives whose week is over, and the rows of archives given up on. */
export async function expiredExports(db: Executor, now: Date, limit = 100) {
  return db
    .select({ id: dataExports.id, key: dataExports.key })
    .from(dataExports)
    .where(and(eq(dataExports.status, "ready"), lte(dataExports.expiresAt, now)))
    .orderBy(asc(dataExports.expiresAt))
    .limit(limit);
}

// ---- the owner's data, read while the archive streams ----

export async function exportProfile(db: Executor, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      email: users.email,
      bio: users.bio,
      website: users.website,
      avatarKey: users.avatarKey,
      isPrivate: users.isPrivate,
      followerCount: users.followerCount,
      followingCount: users.followingCount,
      postCount: users.postCount,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export type ExportPost = {
  id: string;
  caption: string;
  status: "visible" | "removed";
  likeCount: number;
  commentCount: number;
  createdAt: Date;
  media: { position: number; key: string; width: number; height: number; alt: string }[];
};

/** One page of the owner's posts, oldest first, each with its largest stored photo variants. */
export async function exportPostsPage(
  db: Executor,
  userId: string,
  after: { createdAt: Date; id: string } | null,
): Promise<ExportPost[]> {
  const rows = await db
    .select({
      id: posts.id,
      caption: posts.caption,
      status: posts.status,
      likeCount: posts.likeCount,
      commentCount: posts.commentCount,
      createdAt: posts.createdAt,
    })
    .from(posts)
    .where(
      and(
        eq(posts.authorId, userId),
        after
          ? or(
              gt(posts.createdAt, after.createdAt),
              and(eq(posts.createdAt, after.createdAt), gt(posts.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(posts.createdAt), asc(posts.id))
    .limit(PAGE_SIZE);
  if (rows.length === 0) return [];
  const media = await db
    .select({
      postId: postMedia.postId,
      position: postMedia.position,
      variants: postMedia.variants,
      alt: postMedia.alt,
    })
    .from(postMedia)
    .where(
      inArray(
        postMedia.postId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(postMedia.postId), asc(postMedia.position));
  // A post a moderator removed keeps its caption here; its photos are evidence for moderators
  // (lib/media), not in the archive.
  return rows.map((r) => ({
    ...r,
    media: media
      .filter((m) => m.postId === r.id && r.status === "visible")
      .flatMap((m) => {
        // The largest stored variant: originals (with their GPS data) expire a day after upload.
        const best = [...m.variants].sort((a, b) => b.width - a.width)[0];
        return best
          ? [
              {
                position: m.position,
                key: best.key,
                width: best.width,
                height: best.height,
                alt: m.alt,
              },
            ]
          : [];
      }),
  }));
}

type Cursor = { createdAt: Date; id: string } | null;

/** A keyset page of (created_at, id) after `cursor`, oldest first. */
const afterCursor = (createdAt: PgColumn, id: PgColumn, cursor: Cursor) =>
  cursor
    ? or(gt(createdAt, cursor.createdAt), and(eq(createdAt, cursor.createdAt), gt(id, cursor.id)))
    : undefined;

/** The owner's comments (on anyone's posts), page by page. */
export async function exportCommentsPage(db: Executor, userId: string, cursor: Cursor) {
  const rows = await db
    .select({
      id: comments.id,
      postId: comments.postId,
      body: comments.body,
      status: comments.status,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .where(and(eq(comments.authorId, userId), afterCursor(comments.createdAt, comments.id, cursor)))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(PAGE_SIZE);
  return rows.map((r) => ({ ...r, cursor: { createdAt: r.createdAt, id: r.id } }));
}

/** Posts the owner liked (likes) or saved (saves), with each post's author. */
export async function exportReactionsPage(
  db: Executor,
  table: "likes" | "saves",
  userId: string,
  cursor: Cursor,
) {
  const t = table === "likes" ? likes : saves;
  const rows = await db
    .select({ postId: t.postId, author: users.username, createdAt: t.createdAt })
    .from(t)
    .innerJoin(posts, eq(posts.id, t.postId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(t.userId, userId), afterCursor(t.createdAt, t.postId, cursor)))
    .orderBy(asc(t.createdAt), asc(t.postId))
    .limit(PAGE_SIZE);
  return rows.map((r) => ({ ...r, cursor: { createdAt: r.createdAt, id: r.postId } }));
}

/** The owner's followers, or the accounts the owner follows, since when. */
export async function exportFollowsPage(
  db: Executor,
  side: "followers" | "following",
  userId: string,
  cursor: Cursor,
) {
  const mine = side === "followers" ? follows.followeeId : follows.followerId;
  const theirs = side === "followers" ? follows.followerId : follows.followeeId;
  const rows = await db
    .select({
      userId: users.id,
      username: users.username,
      name: users.name,
      createdAt: follows.createdAt,
    })
    .from(follows)
    .innerJoin(users, eq(users.id, theirs))
    .where(and(eq(mine, userId), afterCursor(follows.createdAt, theirs, cursor)))
    .orderBy(asc(follows.createdAt), asc(theirs))
    .limit(PAGE_SIZE);
  return rows.map(({ userId: id, ...r }) => ({ ...r, cursor: { createdAt: r.createdAt, id } }));
}

/** What Settings shows of the account's latest export. */
export type DataExportView =
  | { state: "none" }
  | { state: "preparing"; requestedAt: string }
  | { state: "ready"; href: string; expiresAt: string; size: number }
  | { state: "expired"; expiredAt: string }
  | { state: "failed" };

export async function dataExportView(
  db: Executor,
  userId: string,
  now = new Date(),
): Promise<DataExportView> {
  const row = await latestExport(db, userId);
  if (!row) return { state: "none" };
  if (row.status === "pending")
    return { state: "preparing", requestedAt: row.requestedAt.toISOString() };
  if (row.status === "failed") return { state: "failed" };
  const expiresAt = row.expiresAt ?? row.requestedAt;
  if (row.status === "ready" && expiresAt > now) {
    const href = downloadPath(row.id);
    return { state: "ready", href, expiresAt: expiresAt.toISOString(), size: row.size ?? 0 };
  }
  return { state: "expired", expiredAt: expiresAt.toISOString() };
}
