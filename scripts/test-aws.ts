// `npm run test:aws` (after `npm run build:aws`): proves the OpenNext server function works as it
// will on Lambda. Copies .open-next/server-functions/default to a folder outside the repository
// (so it sees only its own node_modules), loads its index.mjs in a clean Node process and invokes
// the handler with Lambda Function URL events against a fresh PostgreSQL database (migrated by
// the Migrator's own code, dropped at the end). Prints PASS/FAIL per check; exits 1 on a failure.
// Database server: TEST_DATABASE_URL (its database is ignored), else postgres@127.0.0.1:5432.
import { fork } from "node:child_process";
import { createCipheriv, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import journal from "../db/migrations/meta/_journal.json";
import { hashPassword } from "../lib/auth/password";
import { applyMigrations } from "../lib/deploy/migrate-handler";
import { SERVER_PACKAGES } from "../open-next.config";
import { type Invoke, runChecks } from "./aws/checks";

const root = path.resolve(import.meta.dirname, "..");
const bundle = path.join(root, ".open-next/server-functions/default");
if (!existsSync(path.join(bundle, "index.mjs"))) {
  console.error(`FAIL  no server function at ${bundle}: run npm run build:aws first`);
  process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), "snapgram-lambda-"));
const fn = path.join(work, "function");
const server = new URL(
  process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
);
const dbName = `snap_aws_bundle_${Date.now().toString(36)}`;
const admin = postgres({ ...urlOptions(server, "postgres"), max: 1, onnotice: () => {} });
const dbUrl = new URL(server);
dbUrl.pathname = `/${dbName}`;
let child: ReturnType<typeof fork> | undefined;

function urlOptions(url: URL, database: string) {
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || "postgres"),
    password: decodeURIComponent(url.password) || undefined,
    database,
  };
}

async function cleanUp() {
  child?.kill();
  await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await admin.end({ timeout: 5 });
  rmSync(work, { recursive: true, force: true });
}

let failed = 0;
try {
  cpSync(bundle, fn, { recursive: true, dereference: true });
  cpSync(path.join(root, "scripts/aws/lambda-child.mjs"), path.join(fn, "test-runner.mjs"));

  await admin.unsafe(`create database ${dbName}`);
  const migrated = await applyMigrations({
    url: dbUrl.toString(),
    migrationsFolder: path.join(root, "db/migrations"),
  });
  console.log(`      database ${dbName}: ${migrated.applied} migrations applied by the migrator`);

  // The signed-in check's account, created directly with an argon2id hash (the app's own).
  const password = "correct horse battery staple 7";
  const db = postgres(dbUrl.toString(), { max: 1, onnotice: () => {} });
  await db`insert into users (id, username, email, password_hash, name)
    values (gen_random_uuid(), 'lambda_tester', 'lambda@test.invalid', ${await hashPassword(password)}, 'Lambda Tester')`;

  // The secrets reach the bundle as SST delivers linked resources: an AES-256-GCM file next to
  // the handler (resource.enc, zero nonce, tag last) and its key in SST_KEY. No AUTH_SECRET or
  // HEALTH_TOKEN variable: lib/env.ts must get them through the SST SDK.
  const healthToken = "health-token-for-the-bundle-test-0123456789";
  const originSecret = "origin-secret-for-the-bundle-test-0123456789";
  const key = randomBytes(32);
  const cipher = createCipheriv("aes-256-gcm", key, Buffer.alloc(12, 0));
  const links = {
    AuthSecret: {
      type: "sst.sst.Secret",
      value: "test-only-bundle-secret-not-for-deployments-0123456789",
    },
    HealthToken: { type: "sst.sst.Secret", value: healthToken },
    OriginSecret: { type: "sst.sst.Secret", value: originSecret },
  };
  const sealed = Buffer.concat([cipher.update(JSON.stringify(links)), cipher.final()]);
  writeFileSync(path.join(fn, "resource.enc"), Buffer.concat([sealed, cipher.getAuthTag()]));

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: work,
    TZ: "UTC",
    NODE_ENV: "production",
    // As on Lambda: the function's name is set, which turns the in-process timer off.
    AWS_LAMBDA_FUNCTION_NAME: "snapgram-test-server",
    AWS_REGION: "eu-west-1",
    AWS_EC2_METADATA_DISABLED: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: dbUrl.toString(),
    DATABASE_POOL_MAX: "3",
    SST_RESOURCE_App: JSON.stringify({ name: "snapgram", stage: "test" }),
    SST_KEY: key.toString("base64"),
    SST_KEY_FILE: "resource.enc",
    APP_URL: "https://snapgram.test",
    STORAGE_DIR: path.join(work, "storage"),
    MAIL_OUTBOX_DIR: path.join(work, "outbox"),
    PGLITE_DIR: path.join(work, "pglite"),
    RATE_LIMIT_STORE: "database",
    REALTIME_DISABLED: "true",
    DEV_OUTBOX_PAGE: "false",
  };
  child = fork(path.join(fn, "test-runner.mjs"), [], {
    cwd: fn,
    env,
    execArgv: [],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const logs: string[] = [];
  const stdout: string[] = [];
  child.stdout?.on("data", (d) => {
    logs.push(String(d));
    stdout.push(String(d));
  });
  child.stderr?.on("data", (d) => logs.push(String(d)));

  const pending = new Map<number, (m: { result?: unknown; error?: string }) => void>();
  const ready = new Promise<{ ready: boolean; ms?: number; error?: string }>((resolve) => {
    child?.on(
      "message",
      (m: { id?: number; ready?: boolean; result?: unknown; error?: string }) => {
        if (m.id === undefined) resolve(m as { ready: boolean });
        else pending.get(m.id)?.(m);
      },
    );
    child?.on("exit", (code) => resolve({ ready: false, error: `exited with ${code}` }));
  });
  let next = 0;
  const send = (message: object) =>
    new Promise<{ result?: unknown; error?: string }>((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => reject(new Error("no answer in 60 s")), 60_000);
      pending.set(id, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      child?.send({ id, ...message });
    });
  const invoke: Invoke = async (event) => {
    const answer = await send({ event });
    if (answer.error) throw new Error(answer.error);
    return answer.result as Awaited<ReturnType<Invoke>>;
  };

  const loaded = await ready;
  if (!loaded.ready) throw new Error(`the bundle did not load: ${loaded.error}\n${logs.join("")}`);
  console.log(`PASS  index.mjs loads outside the repository (${loaded.ms} ms)`);

  failed += await runChecks({
    invoke,
    probe: async (name) => {
      const answer = await send({ probe: name });
      if (answer.error) throw new Error(answer.error.split("\n")[0]);
      return answer.result as { resolved: string };
    },
    bundleDir: fn,
    packages: SERVER_PACKAGES,
    expectedMigrations: journal.entries.length,
    account: { identifier: "lambda_tester", password },
    healthToken,
    originSecret,
    db,
    output: () => stdout.join(""),
  });
  await db.end({ timeout: 5 });
  if (failed > 0) console.log(`\n--- server function output ---\n${logs.join("").slice(-4000)}`);
} catch (error) {
  failed += 1;
  console.log(`FAIL  ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cleanUp();
}
console.log(
  failed === 0 ? "\ntest:aws: all checks passed" : `\ntest:aws: ${failed} check(s) failed`,
);
process.exit(failed === 0 ? 0 : 1);
