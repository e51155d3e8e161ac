import "server-only";
import { type Database, type Db, openDatabase } from "@/db/client";
import { drivers, env } from "@/lib/env";

// One database per server process, kept on globalThis so dev reloads do not open PGlite twice.
const store = globalThis as unknown as { __database?: Database; __databaseReady?: Promise<void> };

function database(): Database {
  store.__database ??= openDatabase({
    url: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR,
    poolMax: env.DATABASE_POOL_MAX,
  });
  return store.__database;
}

export function getDb(): Db {
  return database().db;
}

/** Embedded mode applies migrations itself before the first request (see instrumentation.ts). */
export function prepareDatabase(): Promise<void> {
  store.__databaseReady ??=
    drivers.database === "pglite" ? database().migrate() : Promise.resolve();
  return store.__databaseReady;
}
