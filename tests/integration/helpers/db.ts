import { sql } from "drizzle-orm";
import { type Database, openDatabase } from "@/db/client";

const localHosts = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * A migrated test database: PostgreSQL when DATABASE_URL is set (refused unless it is on this
 * machine), otherwise a fresh in-memory PGlite.
 */
export async function openTestDatabase(): Promise<Database & { clean(): Promise<void> }> {
  const url = process.env.DATABASE_URL || undefined;
  if (url) {
    const host = new URL(url).hostname;
    if (!localHosts.has(host)) throw new Error(`refusing to run tests against ${host}: not local`);
  }
  const database = openDatabase({ url, pgliteDir: "memory://", poolMax: 4 });
  await database.migrate();
  return {
    ...database,
    /** Empties every table, so each test starts on clean data. */
    async clean() {
      const rows = await database.db.execute<{ tablename: string }>(
        sql`select tablename from pg_tables where schemaname = 'public'`,
      );
      const list = (Array.isArray(rows) ? rows : (rows as { rows: { tablename: string }[] }).rows)
        .map((r) => `"${r.tablename}"`)
        .join(", ");
      if (list) await database.db.execute(sql.raw(`truncate ${list} restart identity cascade`));
    },
  };
}
