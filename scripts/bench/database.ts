// The throwaway PostgreSQL database of a bench (127.0.0.1:5432, user postgres, trust auth):
// created fresh and migrated before loading, dropped afterwards unless kept.
import postgres from "postgres";
import { openDatabase } from "../../db/client";

export const BENCH_PG_HOST = "127.0.0.1:5432";
const ADMIN_URL = `postgres://postgres@${BENCH_PG_HOST}/postgres`;

export const benchDatabaseUrl = (name: string) => `postgres://postgres@${BENCH_PG_HOST}/${name}`;

/** Drops and recreates `name`, applies the migrations; answers the server's version and jit. */
export async function createBenchDatabase(name: string): Promise<string> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  let server: string;
  try {
    const [v] = await admin<{ version: string; jit: string }[]>`
      select current_setting('server_version') as version, current_setting('jit') as jit`;
    server = `PostgreSQL ${v?.version} (jit=${v?.jit}) at ${BENCH_PG_HOST}`;
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const database = openDatabase({ url: benchDatabaseUrl(name), poolMax: 1 });
  await database.migrate();
  await database.close();
  return server;
}

/** Drops `name` (whoever is connected); never throws. */
export async function dropBenchDatabase(name: string): Promise<void> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
  await admin.end({ timeout: 5 });
}

/** The end of a bench: drops `name`, or with --keep (`keep`) says where it stays. */
export async function endBenchDatabase(
  name: string,
  keep: boolean,
  log: (line: string) => void,
): Promise<void> {
  if (keep) return log(`kept database ${name} (${benchDatabaseUrl(name)})`);
  await dropBenchDatabase(name);
}
