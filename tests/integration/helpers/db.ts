import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Database, type Db, openDatabase } from "@/db/client";

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

/**
 * The hooks every integration file needs, registered once: a migrated test database for the file
 * (opened before its tests, closed after), emptied before each test. `database.db` is the Db to
 * use inside tests; hooks the file registers after this call run after the cleaning.
 */
export function withTestDatabase(): { readonly db: Db; readonly driver: Database["driver"] } {
  let database: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database?.close());
  beforeEach(() => database?.clean());
  return {
    get db() {
      if (!database) throw new Error("the test database opens in beforeAll");
      return database.db;
    },
    get driver() {
      if (!database) throw new Error("the test database opens in beforeAll");
      return database.driver;
    },
  };
}
