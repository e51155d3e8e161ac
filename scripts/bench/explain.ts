// EXPLAIN (ANALYZE, BUFFERS) of the exact statement listFeedPage sends for a page.

import { fillPlaceholders } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "../../db/client";
import { FEED_PAGE_SIZE, feedPageParams, feedPageSelect } from "../../lib/feed/queries";
import { decodeCursor } from "../../lib/pagination/cursor";

export type FeedPlan = {
  text: string;
  /** some posts index (posts_author_created_idx, posts_created_idx, ...) is read */
  usesPostsIndex: boolean;
  seqScanOnPosts: boolean;
  executionMs: number;
};

export async function explainFeedQuery(
  url: string,
  viewerId: string,
  cursor: string | null = null,
): Promise<FeedPlan> {
  const database = openDatabase({ url, poolMax: 1 });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const after = cursor ? decodeCursor(cursor) : null;
    const query = feedPageSelect(database.db, after !== null).toSQL();
    const values = feedPageParams(viewerId, after, FEED_PAGE_SIZE + 1);
    const params = fillPlaceholders(query.params, values) as postgres.ParameterOrJSON<never>[];
    // Once to warm the cache (as a running app would be), then the plan that is shown.
    await sql.unsafe(query.sql, params);
    const rows = await sql.unsafe<{ "QUERY PLAN": string }[]>(
      `explain (analyze, buffers) ${query.sql}`,
      params,
    );
    const text = rows.map((r) => r["QUERY PLAN"]).join("\n");
    const time = /Execution Time: ([\d.]+) ms/.exec(text)?.[1];
    return {
      text,
      usesPostsIndex: /Index (Only )?Scan( Backward)? using posts_\w+ on posts/.test(text),
      seqScanOnPosts: /Seq Scan on posts\b/.test(text),
      executionMs: time ? Number(time) : Number.NaN,
    };
  } finally {
    await sql.end({ timeout: 5 });
    await database.close();
  }
}
