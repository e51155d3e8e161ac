import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import journal from "@/db/migrations/meta/_journal.json";

// Whether the database has every migration this build was made with. The journal is compiled
// into the build, so the check needs no migrations folder at run time (the server bundle has none).

export const expectedMigrations = {
  count: journal.entries.length,
  latest: journal.entries.at(-1)?.tag ?? null,
  latestWhen: journal.entries.at(-1)?.when ?? null,
};

export interface MigrationStatus {
  current: boolean;
  applied: number;
  expected: number;
  latest: string | null;
}

/** Reads drizzle's own record (drizzle.__drizzle_migrations: one row per applied migration). */
export async function migrationStatus(db: Executor): Promise<MigrationStatus> {
  let applied = 0;
  let latestWhen: number | null = null;
  try {
    const result = await db.execute<{ applied: number | string; latest: number | string | null }>(
      sql`select count(*)::int as applied, max(created_at) as latest from drizzle.__drizzle_migrations`,
    );
    const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
    const row = rows[0] as { applied: number | string; latest: number | string | null } | undefined;
    applied = Number(row?.applied ?? 0);
    latestWhen = row?.latest === null || row?.latest === undefined ? null : Number(row.latest);
  } catch {
    // No drizzle schema yet: nothing applied.
  }
  const latestApplied = journal.entries.find((e) => e.when === latestWhen)?.tag ?? null;
  return {
    current: applied === expectedMigrations.count && latestWhen === expectedMigrations.latestWhen,
    applied,
    expected: expectedMigrations.count,
    latest: latestApplied,
  };
}
