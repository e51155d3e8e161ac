import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { drivers } from "@/lib/env";

/** Database state and the driver of each part; never a secret or a connection string. */
export async function checkHealth() {
  const started = performance.now();
  let database: { ok: boolean; latencyMs?: number; error?: string };
  try {
    await getDb().execute(sql`select 1`);
    database = { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    database = { ok: false, error: "database unreachable" };
  }
  return {
    ok: database.ok,
    database: { driver: drivers.database, ...database },
    drivers: {
      mail: drivers.mail,
      rateLimit: drivers.rateLimit,
      storage: drivers.storage,
      realtime: drivers.realtime,
    },
  };
}
