import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Executor } from "@/db/client";
import { linkedDatabaseUrl } from "@/lib/env/sst-resources";
import { type MigrationStatus, migrationStatus } from "./migrations";

// The Migrator function (sst.config.ts): every deploy invokes it before the new site goes live,
// inside the VPC, with db/migrations copied next to it. A failed migration throws, so the
// invocation, and with it the deploy, fails. drizzle runs all pending migrations in one
// transaction: a failure leaves the database as it was.

export async function applyMigrations(opts: {
  url: string;
  migrationsFolder: string;
}): Promise<MigrationStatus> {
  const client = postgres(opts.url, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: "snapgram-migrator" },
  });
  try {
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: opts.migrationsFolder });
    const status = await migrationStatus(db as unknown as Executor);
    if (!status.current) {
      throw new Error(
        `migrations not current after migrating: ${status.applied} applied, ${status.expected} expected`,
      );
    }
    return status;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Lambda entry point. DATABASE_URL, when set, wins over the linked database. */
export async function handler(): Promise<MigrationStatus> {
  const url = process.env.DATABASE_URL || linkedDatabaseUrl();
  if (!url) throw new Error("no database: link Database to the Migrator or set DATABASE_URL");
  const root = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
  const migrationsFolder = process.env.MIGRATIONS_DIR ?? path.join(root, "migrations");
  const started = Date.now();
  try {
    const status = await applyMigrations({ url, migrationsFolder });
    console.log(
      JSON.stringify({
        level: "info",
        msg: "migrations current",
        ms: Date.now() - started,
        ...status,
      }),
    );
    return status;
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "error",
        msg: "migration failed",
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    throw error;
  }
}
