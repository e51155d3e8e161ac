import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import journal from "@/db/migrations/meta/_journal.json";
import { handler } from "@/lib/deploy/migrate-handler";
import { migrationStatus } from "@/lib/deploy/migrations";

// The Migrator function's handler (invoked by every deploy) against a fresh PostgreSQL database
// of its own on the server DATABASE_URL points at. Needs PostgreSQL: skipped on PGlite runs.
const serverUrl = process.env.DATABASE_URL;
const localHosts = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

describe.skipIf(!serverUrl)("migrator handler (PostgreSQL)", () => {
  const name = `snap_migrator_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  let admin: postgres.Sql;
  let url: string;
  const folders: string[] = [];
  const saved = {
    DATABASE_URL: process.env.DATABASE_URL,
    MIGRATIONS_DIR: process.env.MIGRATIONS_DIR,
  };

  beforeAll(async () => {
    const server = new URL(serverUrl as string);
    if (!localHosts.has(server.hostname)) throw new Error("refusing a database that is not local");
    admin = postgres(serverUrl as string, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    server.pathname = `/${name}`;
    url = server.toString();
  });

  afterAll(async () => {
    process.env.DATABASE_URL = saved.DATABASE_URL;
    if (saved.MIGRATIONS_DIR === undefined) delete process.env.MIGRATIONS_DIR;
    else process.env.MIGRATIONS_DIR = saved.MIGRATIONS_DIR;
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  async function inspect<T>(run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      return await run(sql);
    } finally {
      await sql.end();
    }
  }

  function migrateFrom(folder: string) {
    process.env.DATABASE_URL = url;
    process.env.MIGRATIONS_DIR = folder;
  }

  it("applies every migration to an empty database and reports them current", async () => {
    migrateFrom(path.resolve("db/migrations"));
    const status = await handler();
    expect(status).toEqual({
      current: true,
      applied: journal.entries.length,
      expected: journal.entries.length,
      latest: journal.entries.at(-1)?.tag,
    });
    const tables = await inspect(
      (sql) => sql`select tablename from pg_tables where schemaname = 'public'`,
    );
    expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(["users", "posts"]));
  });

  it("is idempotent: a second deploy applies nothing and still succeeds", async () => {
    migrateFrom(path.resolve("db/migrations"));
    const status = await handler();
    expect(status.applied).toBe(journal.entries.length);
    const rows = await inspect(
      (sql) => sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(rows[0]?.n).toBe(journal.entries.length);
  });

  it("throws on a failing migration and leaves the database as it was", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "migrator-broken-"));
    folders.push(folder);
    cpSync(path.resolve("db/migrations"), folder, { recursive: true });
    const brokenJournal = JSON.parse(readFileSync(path.join(folder, "meta/_journal.json"), "utf8"));
    const when = (journal.entries.at(-1)?.when ?? 0) + 1000;
    brokenJournal.entries.push({
      idx: journal.entries.length,
      version: "7",
      when,
      tag: "9999_broken",
      breakpoints: true,
    });
    writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify(brokenJournal));
    writeFileSync(
      path.join(folder, "9999_broken.sql"),
      'CREATE TABLE "migrator_probe" ("id" integer);\n--> statement-breakpoint\nSELECT * FROM "no_such_table";\n',
    );
    migrateFrom(folder);

    await expect(handler()).rejects.toThrow(/no_such_table/);
    const probe = await inspect((sql) => sql`select to_regclass('public.migrator_probe') as t`);
    expect(probe[0]?.t, "the half-applied migration was rolled back").toBeNull();
    const status = await inspect(async (sql) => {
      const { drizzle } = await import("drizzle-orm/postgres-js");
      return migrationStatus(drizzle(sql) as never);
    });
    expect(status).toMatchObject({ current: true, applied: journal.entries.length });
  });

  it("throws when no database is configured", async () => {
    delete process.env.DATABASE_URL;
    await expect(handler()).rejects.toThrow(/no database/);
  });
});
