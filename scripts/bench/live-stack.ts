// The throwaway stack of `npm run bench:live` and `bench:lighthouse`: a fresh database (embedded
// PGlite, or a PostgreSQL database given by URL; migrated and seeded by scripts/setup-local.ts), the
// embedded realtime server (soketi) and the BUILT app, all on loopback with free ports. stop() ends
// every process it started and removes its folders (a PostgreSQL database is the caller's to drop).
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import Pusher from "pusher";
import { embeddedSettings } from "../../lib/realtime/settings";
import { freePort, type RunningSoketi, startSoketi } from "../../lib/realtime/soketi";
import { embeddedRealtimeEnv } from "../../tests/e2e/support/local-stack";
import { outputTail, type RunningServer, startServer } from "./server";

// Signs the sessions and the realtime secret of this bench's throwaway server and nothing else.
export const BENCH_LIVE_SECRET = "bench-live-test-only-auth-secret-not-used-elsewhere-0123456789";
const FOLDERS = [".data/bench-live-pglite", ".data/bench-live-storage", ".data/bench-live-outbox"];

export type LiveStack = {
  baseUrl: string;
  /** Subscribers of a channel on the realtime server (its HTTP API), or -1 when unknown. */
  subscribers(channel: string): Promise<number>;
  stop(): Promise<void>;
};

export type LiveStackOptions = {
  /** A fresh PostgreSQL database to use instead of the embedded one (production's driver). */
  databaseUrl?: string;
};

function stackEnv(realtimePort: number, databaseUrl = ""): Record<string, string> {
  return {
    NODE_ENV: "production",
    AUTH_SECRET: BENCH_LIVE_SECRET,
    PGLITE_DIR: FOLDERS[0] ?? "",
    STORAGE_DIR: FOLDERS[1] ?? "",
    MAIL_OUTBOX_DIR: FOLDERS[2] ?? "",
    APP_URL: "http://127.0.0.1",
    // Never the developer's PostgreSQL, SMTP, S3 or Pusher from .env.local or the shell.
    DATABASE_URL: databaseUrl,
    SMTP_URL: "",
    S3_BUCKET: "",
    RATE_LIMIT_STORE: "memory",
    NEXT_TELEMETRY_DISABLED: "1",
    ...embeddedRealtimeEnv(realtimePort),
    PUSHER_PORT: "",
    PUSHER_USE_TLS: "",
  };
}

async function removeFolders(root: string): Promise<void> {
  await Promise.all(
    FOLDERS.map((f) => rm(path.join(root, f), { recursive: true, force: true }).catch(() => {})),
  );
}

/** `tsx --conditions=react-server scripts/setup-local.ts`: migrates and seeds the demo data. */
function runSetup(root: string, env: Record<string, string>, timeoutMs: number): Promise<void> {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["--conditions=react-server", "scripts/setup-local.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = outputTail(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`setup failed (${signal ?? `exit ${code}`}):\n${output()}`));
    });
  });
}

/** Starts everything in order; on any failure stops what already runs and throws. */
export async function startLiveStack(
  root: string,
  log: (line: string) => void,
  options: LiveStackOptions = {},
): Promise<LiveStack> {
  const realtimePort = await freePort();
  const env = stackEnv(realtimePort, options.databaseUrl);
  const settings = embeddedSettings(BENCH_LIVE_SECRET, realtimePort);
  let soketi: RunningSoketi | null = null;
  let app: RunningServer | null = null;
  let baseUrl = "";

  const stop = async () => {
    await app?.stop().catch(() => {});
    app = null;
    await soketi?.stop().catch(() => {});
    soketi = null;
    await removeFolders(root);
  };

  try {
    await removeFolders(root);
    await runSetup(root, env, 120_000);
    log(
      `setup: fresh ${options.databaseUrl ? "PostgreSQL" : "PGlite"} database migrated and seeded`,
    );
    soketi = await startSoketi({
      port: realtimePort,
      appId: settings.appId,
      key: settings.key,
      secret: settings.secret,
      output: "ignore",
      cwd: root,
    });
    log(`realtime: soketi on ws://127.0.0.1:${realtimePort}`);
    app = await startServer(root, env);
    baseUrl = app.baseUrl;
    log(`app: next start on ${baseUrl}`);
  } catch (error) {
    await stop();
    throw error;
  }

  const api = new Pusher({
    appId: settings.appId,
    key: settings.key,
    secret: settings.secret,
    host: "127.0.0.1",
    port: String(realtimePort),
    useTLS: false,
    timeout: 2000,
  });
  const subscribers = async (channel: string) => {
    try {
      const res = await api.get({
        path: `/channels/${channel}`,
        params: { info: "subscription_count" },
      });
      const body = (await res.json()) as { subscription_count?: number };
      return typeof body.subscription_count === "number" ? body.subscription_count : -1;
    } catch {
      return -1;
    }
  };
  return { baseUrl, subscribers, stop };
}
