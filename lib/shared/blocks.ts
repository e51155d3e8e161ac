import "server-only";
import { type AnyColumn, and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { blocks } from "@/db/schema";

// Blocks and mutes as SQL conditions every feature's reads add as one more `and(...)` term, and
// the two checks writes make. A block hides each account from the other in both directions;
// a mute only changes the muter's own view. The writes live in lib/relations.
//
// Each condition is NOT EXISTS on a primary key with both ids bound (blocks (blocker_id,
// blocked_id), mutes' partial indexes): an index-only anti-join probe per row, no heap visit
// unless a row matches. A signed-out viewer (null) has no blocks or mutes: no condition.

/** A viewer id as a value (string) or a prepared statement's placeholder. */
type Viewer = string | SQL | SQL.Aliased | ReturnType<typeof sql.placeholder>;
/** The column (or raw SQL, e.g. `recent.author_id`) holding the other account's id. */
type UserRef = AnyColumn | SQL;

const viewerSql = (viewer: Viewer) => sql`${viewer}::uuid`;

/** Neither the viewer blocked the row's account nor that account the viewer. */
export function notBlockedBetween(viewer: Viewer, userId: UserRef): SQL;
export function notBlockedBetween(viewer: Viewer | null, userId: UserRef): SQL | undefined;
export function notBlockedBetween(viewer: Viewer | null, userId: UserRef): SQL | undefined {
  if (viewer === null) return undefined;
  const v = viewerSql(viewer);
  return sql`(not exists (select 1 from blocks bk where bk.blocker_id = ${v} and bk.blocked_id = ${userId})
    and not exists (select 1 from blocks bk where bk.blocker_id = ${userId} and bk.blocked_id = ${v}))`;
}

/** The viewer did not mute the posts of the row's account (the home feed). */
export function notMutedPosts(viewer: Viewer, userId: UserRef): SQL;
export function notMutedPosts(viewer: Viewer | null, userId: UserRef): SQL | undefined;
export function notMutedPosts(viewer: Viewer | null, userId: UserRef): SQL | undefined {
  if (viewer === null) return undefined;
  return sql`not exists (select 1 from mutes mt where mt.muter_id = ${viewerSql(viewer)} and mt.muted_id = ${userId} and mt.posts)`;
}

/** The viewer did not mute the comments of the row's account (comment lists, feed cards). */
export function notMutedComments(viewer: Viewer, userId: UserRef): SQL;
export function notMutedComments(viewer: Viewer | null, userId: UserRef): SQL | undefined;
export function notMutedComments(viewer: Viewer | null, userId: UserRef): SQL | undefined {
  if (viewer === null) return undefined;
  return sql`not exists (select 1 from mutes mt where mt.muter_id = ${viewerSql(viewer)} and mt.muted_id = ${userId} and mt.comments)`;
}

/** Whether either of the two accounts blocked the other (writes refuse to cross a block). */
export async function isBlockedBetween(db: Executor, a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)),
        and(eq(blocks.blockerId, b), eq(blocks.blockedId, a)),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Which of `userIds` are blocked either way with the viewer (for lists built elsewhere). */
export async function blockedAmong(
  db: Executor,
  viewerId: string | null,
  userIds: string[],
): Promise<Set<string>> {
  if (!viewerId || userIds.length === 0) return new Set();
  const rows = await db
    .select({ blockerId: blocks.blockerId, blockedId: blocks.blockedId })
    .from(blocks)
    .where(
      or(
        and(eq(blocks.blockerId, viewerId), inArray(blocks.blockedId, userIds)),
        and(eq(blocks.blockedId, viewerId), inArray(blocks.blockerId, userIds)),
      ),
    );
  return new Set(rows.map((r) => (r.blockerId === viewerId ? r.blockedId : r.blockerId)));
}

/**
 * The viewer's block and mutes of the row's account ("users"."id"), as columns of the same query
 * (the profile header's menu). "users"."id" by hand: drizzle may leave it bare in a subquery.
 */
export function viewerRelationColumns(viewerId: string | null) {
  if (!viewerId) {
    return {
      viewerBlocks: sql<boolean>`false`,
      viewerMutesPosts: sql<boolean>`false`,
      viewerMutesComments: sql<boolean>`false`,
    };
  }
  const v = sql`${viewerId}::uuid`;
  return {
    viewerBlocks: sql<boolean>`exists (select 1 from blocks vb where vb.blocker_id = ${v} and vb.blocked_id = "users"."id")`,
    viewerMutesPosts: sql<boolean>`exists (select 1 from mutes vm where vm.muter_id = ${v} and vm.muted_id = "users"."id" and vm.posts)`,
    viewerMutesComments: sql<boolean>`exists (select 1 from mutes vm where vm.muter_id = ${v} and vm.muted_id = "users"."id" and vm.comments)`,
  };
}

/** The account (the column) blocked the viewer: the viewer must not see it at all. */
export function notBlockedBy(viewerId: string | null, userId: UserRef): SQL | undefined {
  if (viewerId === null) return undefined;
  return sql`not exists (select 1 from blocks bk where bk.blocker_id = ${userId} and bk.blocked_id = ${viewerId}::uuid)`;
}
