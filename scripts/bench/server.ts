// Starts the BUILT app (`next start`) on 127.0.0.1 for the bench, and stops it again.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/** Routes every bench calls; a build from before they existed cannot be measured. */
const REQUIRED_ROUTES = ["/api/feed/route", "/api/bench/ping/route"];

/** Why the build in `.next` cannot be benched (no build, or one without `routes`), or null. */
export function buildProblem(root: string, routes: string[] = []): string | null {
  const dir = path.join(root, ".next");
  if (!existsSync(path.join(dir, "BUILD_ID"))) return "no build in .next";
  const manifest = path.join(dir, "app-path-routes-manifest.json");
  if (!existsSync(manifest)) return "no route manifest in .next";
  const built = Object.keys(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>);
  const missing = [...REQUIRED_ROUTES, ...routes].filter((r) => !built.some((k) => k.endsWith(r)));
  return missing.length > 0 ? `the build predates ${missing.join(", ")}` : null;
}

/** Whether the build can be benched; if not, says why and sets a failing exit code. */
export function benchableBuild(root: string, routes: string[] = []): boolean {
  const problem = buildProblem(root, routes);
  if (!problem) return true;
  console.error(`Cannot bench: ${problem}. Build the app first:\n  npm run build\n`);
  process.exitCode = 1;
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** What `child` last wrote (stdout and stderr, the last 4,000 characters), for an error. */
export function outputTail(child: ChildProcess): () => string {
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => output;
}

const nodeArgs = () => (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);

export type RunningServer = { baseUrl: string; pid: number; stop(): Promise<void> };

/** `next start` with the given settings; resolves once /api/health answers 200. */
export async function startServer(
  root: string,
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const bin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const child: ChildProcess = spawn(
    process.execPath,
    // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the server under load.
    [...nodeArgs(), bin, "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: root,
      // No maintenance timer: what is measured is requests alone.
      env: {
        ...process.env,
        BACKGROUND_JOBS_DISABLED: "true",
        // The trivial route the benches compare with (app/api/bench/ping); 404 without it.
        BENCH_ROUTES: "true",
        ...env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const output = outputTail(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return { baseUrl, pid: child.pid ?? 0, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`next start did not become healthy:\n${output()}`);
}

/** startServer on a bench database: sessions signed with `secret`, no S3, SMTP or realtime. */
export function startBenchServer(root: string, databaseUrl: string, secret: string) {
  return startServer(root, {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secret,
    APP_URL: "http://127.0.0.1",
    S3_BUCKET: "",
    SMTP_URL: "",
    RATE_LIMIT_STORE: "memory",
    REALTIME_DISABLED: "true",
    STORAGE_DIR: ".data/bench-storage",
  });
}
