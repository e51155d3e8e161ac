import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

// Deleting comment rows in bulk (a block cleaning the blocker's posts, an erased account) while
// every counter they drove stays exact, in the statement that deletes them. What is counted:
// posts.comment_count counts shown comments not awaiting approval, replies included while their
// top comment is visible; comments.reply_count counts a top comment's shown, approved replies.
// Replies go before their top comment: the cascade of parent_id would take them uncounted.

export type Removed = { deleted: number; postIds: string[] };

/** postgres.js answers an array, PGlite `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

const limitOf = (limit?: number) => (limit ? sql`limit ${limit}` : sql``);

/**
 * The counters of what `gone` (post_id, parent_id, status, pending_approval of the deleted rows)
 * took away, moved down, answering the deleted rows per post. A reply's top comment is read from
 * the statement's snapshot, so it is found even when deleted alongside.
 */
async function deleteCounted(tx: Executor, gone: SQL): Promise<Removed> {
  const rows = rowsOf<{ post_id: string; n: number | string }>(
    await tx.execute(sql`
      with gone as (${gone}),
      counted as (
        select g.post_id, g.parent_id, t.status as top_status from gone g
        left join comments t on t.id = g.parent_id
        where g.status = 'visible' and not g.pending_approval
      ), n as (
        select post_id, count(*)::int as n from counted
        where parent_id is null or top_status = 'visible' group by post_id
      ), m as (
        select parent_id, count(*)::int as n from counted where parent_id is not null
        group by parent_id
      ), moved as (
        update posts set comment_count = greatest(posts.comment_count - n.n, 0)
        from n where posts.id = n.post_id returning 1
      ), moved_replies as (
        update comments set reply_count = greatest(comments.reply_count - m.n, 0)
        from m where comments.id = m.parent_id returning 1
      )
      select post_id, count(*)::int as n from gone group by post_id`),
  );
  return {
    deleted: rows.reduce((sum, r) => sum + Number(r.n), 0),
    postIds: rows.map((r) => r.post_id),
  };
}

/**
 * Deletes (up to `limit`) replies, anyone's, whose top comment `t` on post `p` matches `topScope`
 * (SQL over `t` and `p`), with the counts they drove.
 */
export function deleteRepliesUnder(tx: Executor, topScope: SQL, limit?: number) {
  return deleteCounted(
    tx,
    sql`delete from comments d where d.id in (
        select r.id from comments r join comments t on t.id = r.parent_id
        join posts p on p.id = t.post_id where ${topScope} ${limitOf(limit)})
      returning d.post_id, d.parent_id, d.status, d.pending_approval`,
  );
}

/**
 * Deletes (up to `limit`) comments and replies `c` on post `p` matching `scope` (SQL over `c` and
 * `p`), with the counts they drove. Delete the replies under them first (deleteRepliesUnder).
 */
export function deleteCommentsCounted(tx: Executor, scope: SQL, limit?: number) {
  return deleteCounted(
    tx,
    sql`delete from comments d where d.id in (
        select c.id from comments c join posts p on p.id = c.post_id where ${scope} ${limitOf(limit)})
      returning d.post_id, d.parent_id, d.status, d.pending_approval`,
  );
}
