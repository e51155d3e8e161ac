// EXPLAIN (ANALYZE, BUFFERS) of the statements bench:discover measures, exactly as the app sends
// them: an explore page (first and deep), the typeahead (people and tags), a tag's recent grid,
// and the snapshot rebuild (inside a transaction that is rolled back).
import { randomUUID } from "node:crypto";
import { sql as dsql, fillPlaceholders } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { openDatabase } from "../../db/client";
import { EXPLORE_PAGE_SIZE, explorePageQuery, snapshotOf } from "../../lib/discover/explore";
import { exploreRankingSql, findSnapshot } from "../../lib/discover/service";
import { tagRecentQuery } from "../../lib/discover/tag-page";
import { normalizeSearchQuery } from "../../lib/search/normalize";
import {
  peopleShape,
  searchParams,
  tagSearchSelect,
  userSearchSelect,
} from "../../lib/search/queries";

export type Plan = { label: string; text: string; ms: number; seqScans: string[] };

type Query = { sql: string; params: unknown[] };

/** A statement built with placeholders, with their values filled in. */
const filled = (q: Query, values: Record<string, unknown>): Query => ({
  sql: q.sql,
  params: fillPlaceholders(q.params, values),
});

export async function explainDiscover(url: string, viewerId: string): Promise<Plan[]> {
  const database = openDatabase({ url, poolMax: 1 });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const { db } = database;
  const plans: Plan[] = [];
  /** With `setup`, inside a transaction that runs it first and is rolled back after. */
  const explain = async (label: string, q: Query, setup?: Query) => {
    const rollback = setup !== undefined;
    const params = q.params as postgres.ParameterOrJSON<never>[];
    const run = async (tx: postgres.Sql | postgres.TransactionSql) => {
      if (!rollback) await tx.unsafe(q.sql, params); // warm, as a running app would be
      return tx.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, buffers) ${q.sql}`, params);
    };
    let rows: { "QUERY PLAN": string }[] = [];
    if (rollback) {
      await sql
        .begin(async (tx) => {
          await tx.unsafe(setup.sql, setup.params as postgres.ParameterOrJSON<never>[]);
          rows = await run(tx);
          throw new Error("rollback");
        })
        .catch((e: unknown) => {
          if (!(e instanceof Error && e.message === "rollback")) throw e;
        });
    } else {
      rows = await run(sql);
    }
    const text = rows.map((r) => r["QUERY PLAN"]).join("\n");
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? Number.NaN);
    const seqScans = [...text.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1] ?? "");
    plans.push({ label, text, ms, seqScans });
  };
  try {
    const snapshot = await findSnapshot(db);
    if (!snapshot) throw new Error("no explore snapshot to explain");
    const take = EXPLORE_PAGE_SIZE + 1;
    await explain(
      "explore page 1",
      explorePageQuery(db, viewerId, snapshotOf(null), 0, take).toSQL(),
    );
    await explain(
      "explore page 20 (rank > 480)",
      explorePageQuery(db, viewerId, snapshotOf(snapshot.id), 480, take).toSQL(),
    );
    // The typeahead's phases: prefixes first, look-alikes only when the prefixes left room.
    for (const [q, phase] of [
      ["ana", "prefix"],
      ["an", "prefix"],
      ["benjamni", "prefix"],
      ["benjamni", "fuzzy"],
    ] as const) {
      const query = normalizeSearchQuery(q);
      if (!query) continue;
      const built = userSearchSelect(db, peopleShape(query, phase)).toSQL();
      await explain(`typeahead people "${q}" (${phase})`, filled(built, searchParams(q, 8)));
    }
    for (const [tag, phase] of [
      ["sun", "prefix"],
      ["travle", "fuzzy"],
    ] as const) {
      const built = tagSearchSelect(db, phase).toSQL();
      await explain(`typeahead tags "${tag}" (${phase})`, filled(built, searchParams(tag, 8)));
    }
    const [big] = await sql<{ id: string; tag: string }[]>`
      select id, tag from hashtags order by post_count desc limit 1`;
    if (big) {
      await explain(
        `tag #${big.tag} recent page`,
        tagRecentQuery(db, big.id, null, 19, null).toSQL(),
      );
    }
    // Into a new snapshot, inside the transaction that is rolled back.
    const dialect = new PgDialect();
    const fresh = randomUUID();
    await explain(
      "explore snapshot rebuild (every 10 min)",
      dialect.sqlToQuery(exploreRankingSql(fresh, new Date())),
      dialect.sqlToQuery(
        dsql`insert into explore_snapshots (id, computed_at) values (${fresh}::uuid, now())`,
      ),
    );
    return plans;
  } finally {
    await sql.end({ timeout: 5 });
    await database.close();
  }
}
