import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { comments, moderationActions, postMedia, posts, reports, users } from "@/db/schema";
import { type Keyset, toPage } from "@/lib/pagination/cursor";
import { olderThan } from "@/lib/pagination/keyset";
import { pageParams } from "@/lib/pagination/page-params";
import { mediaColumns } from "@/lib/posts/media-columns";
import { avatarUrl, toMediaView } from "@/lib/shared/media";
import type { Page } from "@/lib/shared/post-views";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import type { ReportReason, ReportTargetType } from "./validation";

// What moderators read: the queue of reported things (oldest first, one row per target with
// all its open reports) and the audit log of decisions (newest first). Keyset-paged.

export const QUEUE_PAGE_SIZE = 20;
export const LOG_PAGE_SIZE = 30;

const subject = alias(users, "subject");

type Who = { id: string; username: string; name: string; avatarUrl: string | null };

export type ReportedTarget =
  | { type: "post"; id: string; caption: string; thumbnailUrl: string | null; author: Who }
  | { type: "comment"; id: string; body: string; postId: string; author: Who }
  | { type: "user"; id: string; account: Who & { bio: string } };

export type ReportGroup = {
  targetType: ReportTargetType;
  targetId: string;
  reportCount: number;
  firstReportedAt: string;
  reasons: ReportReason[];
  /** what reporters wrote, oldest first (at most three) */
  details: string[];
  /** null when the target is already gone (deleted by its author, or its account suspended) */
  target: ReportedTarget | null;
};

type GroupRow = {
  target_type: ReportTargetType;
  target_id: string;
  report_count: number;
  first_at: string | Date;
  reasons: string[];
  details: string[] | null;
};

const rowsOf = <T>(r: unknown): T[] =>
  Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []);

const who = (
  storage: Pick<Storage, "publicUrl">,
  u: { id: string; username: string; name: string; avatarKey: string | null },
): Who => ({
  id: u.id,
  username: u.username,
  name: u.name,
  avatarUrl: avatarUrl(storage, u.avatarKey),
});

async function targetsOf(
  db: Executor,
  groups: GroupRow[],
  storage: Pick<Storage, "publicUrl">,
): Promise<Map<string, ReportedTarget>> {
  const ids = (type: ReportTargetType) =>
    groups.filter((g) => g.target_type === type).map((g) => g.target_id);
  const [postIds, commentIds, userIds] = [ids("post"), ids("comment"), ids("user")];
  const author = {
    id: users.id,
    username: users.username,
    name: users.name,
    avatarKey: users.avatarKey,
  };
  const found = new Map<string, ReportedTarget>();
  if (postIds.length > 0) {
    const rows = await db
      .select({ ...author, id: posts.id, authorId: users.id, caption: posts.caption })
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(
        and(inArray(posts.id, postIds), eq(posts.status, "visible"), eq(users.status, "active")),
      );
    const covers = await db
      .select(mediaColumns)
      .from(postMedia)
      .where(and(inArray(postMedia.postId, postIds), eq(postMedia.position, 0)));
    const cover = new Map(covers.map((c) => [c.postId, toMediaView(storage, c)]));
    for (const r of rows) {
      const media = cover.get(r.id);
      found.set(`post:${r.id}`, {
        type: "post",
        id: r.id,
        caption: r.caption,
        thumbnailUrl: media?.srcSet.at(-1)?.url ?? null,
        author: who(storage, { ...r, id: r.authorId }),
      });
    }
  }
  if (commentIds.length > 0) {
    const rows = await db
      .select({ commentId: comments.id, body: comments.body, postId: comments.postId, ...author })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(
        and(
          inArray(comments.id, commentIds),
          eq(comments.status, "visible"),
          eq(users.status, "active"),
        ),
      );
    for (const r of rows) {
      found.set(`comment:${r.commentId}`, {
        type: "comment",
        id: r.commentId,
        body: r.body,
        postId: r.postId,
        author: who(storage, r),
      });
    }
  }
  if (userIds.length > 0) {
    const rows = await db
      .select({ ...author, bio: users.bio })
      .from(users)
      .where(and(inArray(users.id, userIds), eq(users.status, "active")));
    for (const r of rows) {
      found.set(`user:${r.id}`, {
        type: "user",
        id: r.id,
        account: { ...who(storage, r), bio: r.bio },
      });
    }
  }
  return found;
}

/**
 * The open reports grouped by target, the longest-waiting first, with a preview of each target.
 * Null when the cursor is malformed.
 */
export async function listReportQueue(
  db: Executor,
  params: { cursor?: string | null; limit?: number } = {},
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Page<ReportGroup> | null> {
  const page = pageParams(params, { fallback: QUEUE_PAGE_SIZE, max: 50 });
  if (!page) return null;
  const { limit, after } = page;
  const having = after
    ? sql`having (min(r.created_at), r.target_id) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
    : sql``;
  const groups = rowsOf<GroupRow>(
    await db.execute(sql`
      select r.target_type, r.target_id, count(*)::int as report_count,
        min(r.created_at) as first_at,
        array_agg(distinct r.reason::text) as reasons,
        (array_agg(r.details order by r.created_at) filter (where r.details <> ''))[1:3] as details
      from ${reports} r
      where r.status = 'open'
      group by r.target_type, r.target_id
      ${having}
      order by min(r.created_at), r.target_id
      limit ${limit + 1}`),
  );
  const targets = await targetsOf(db, groups.slice(0, limit), storage);
  return toPage(
    groups,
    limit,
    (g): Keyset => ({ createdAt: new Date(g.first_at), id: g.target_id }),
    (g): ReportGroup => ({
      targetType: g.target_type,
      targetId: g.target_id,
      reportCount: g.report_count,
      firstReportedAt: new Date(g.first_at).toISOString(),
      reasons: [...g.reasons].sort() as ReportReason[],
      details: g.details ?? [],
      target: targets.get(`${g.target_type}:${g.target_id}`) ?? null,
    }),
  );
}

/** How many targets wait for a decision (the nav badge of moderators). */
export async function countOpenTargets(db: Executor): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(distinct (target_type, target_id))::int as n from ${reports} where status = 'open'`,
    ),
  );
  return row?.n ?? 0;
}

export type LogEntry = {
  id: string;
  action: "remove_post" | "remove_comment" | "suspend_user" | "restore_user" | "dismiss";
  targetType: ReportTargetType;
  targetId: string;
  note: string;
  reportCount: number;
  createdAt: string;
  actor: { username: string } | null;
  /** the account suspended or restored, and whether it is suspended now */
  subject: { id: string; username: string; suspended: boolean } | null;
  /** the decision was about an account since erased by its owner: kept, anonymised */
  subjectErased: boolean;
};

/** The audit log, newest first; null when the cursor is malformed. */
export async function listModerationLog(
  db: Executor,
  params: { cursor?: string | null; limit?: number } = {},
): Promise<Page<LogEntry> | null> {
  const page = pageParams(params, { fallback: LOG_PAGE_SIZE, max: 100 });
  if (!page) return null;
  const { limit, after } = page;
  const rows = await db
    .select({
      id: moderationActions.id,
      action: moderationActions.action,
      targetType: moderationActions.targetType,
      targetId: moderationActions.targetId,
      note: moderationActions.note,
      reportCount: moderationActions.reportCount,
      createdAt: moderationActions.createdAt,
      actorName: users.username,
      subjectId: subject.id,
      subjectName: subject.username,
      subjectStatus: subject.status,
    })
    .from(moderationActions)
    .leftJoin(users, eq(users.id, moderationActions.actorId))
    .leftJoin(subject, eq(subject.id, moderationActions.subjectUserId))
    .where(after ? olderThan(moderationActions.createdAt, moderationActions.id, after) : undefined)
    .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => ({ createdAt: r.createdAt, id: r.id }),
    (r): LogEntry => ({
      id: r.id,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      note: r.note,
      reportCount: r.reportCount,
      createdAt: r.createdAt.toISOString(),
      actor: r.actorName ? { username: r.actorName } : null,
      subject:
        r.subjectId && r.subjectName
          ? { id: r.subjectId, username: r.subjectName, suspended: r.subjectStatus === "suspended" }
          : null,
      subjectErased: !r.subjectId && (r.action === "suspend_user" || r.action === "restore_user"),
    }),
  );
}
