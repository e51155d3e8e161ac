import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { migrationStatus } from "@/lib/deploy/migrations";
import { drivers } from "@/lib/env";

/**
 * Database state, whether every migration of this build is applied, and the driver of each part;
 * never a secret or a connection string.
 */
export async function checkHealth() {
  const started = performance.now();
  let database: { ok: boolean; latencyMs?: number; error?: string };
  try {
    await getDb().execute(sql`select 1`);
    database = { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    database = { ok: false, error: "database unreachable" };
  }
  const migrations = database.ok
    ? await migrationStatus(getDb())
    : { current: false, applied: 0, expected: 0, latest: null };
  return {
    ok: database.ok && migrations.current,
    database: { driver: drivers.database, ...database },
    migrations,
    drivers: {
      mail: drivers.mail,
      rateLimit: drivers.rateLimit,
      storage: drivers.storage,
      realtime: drivers.realtime,
    },
  };
}
