// `npm run dev`: setup (database, AUTH_SECRET), then the embedded realtime server unless PUSHER_*
// is configured or REALTIME_DISABLED=true, then `next dev` (extra arguments go to it). Ctrl-C, a
// signal or next exiting stops everything; a realtime server that cannot start only pauses live
// updates (pages fall back to polling) instead of stopping the app.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import nextEnv from "@next/env";

const cwd = process.cwd();
const node = process.execPath;

function run(args: string[]): ChildProcess {
  return spawn(node, args, { cwd, stdio: "inherit", env: process.env });
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.once("error", () => resolve(1));
  });
}

const tsx = path.join(cwd, "node_modules", "tsx", "dist", "cli.mjs");
const setupCode = await exitCode(run([tsx, "--conditions=react-server", "scripts/setup-local.ts"]));
if (setupCode !== 0) process.exit(setupCode);

nextEnv.loadEnvConfig(cwd, true);
const { env } = await import("../lib/env");
const { resolveRealtimeSettings } = await import("../lib/realtime/settings");
const { startSoketi } = await import("../lib/realtime/soketi");

type Stoppable = { stop(): Promise<void>; child: ChildProcess; exited: Promise<number | null> };
let realtime: Stoppable | null = null;
let stopping = false;
const settings = resolveRealtimeSettings(env);
if (settings.driver === "embedded") {
  try {
    realtime = await startSoketi({
      port: settings.port,
      appId: settings.appId,
      key: settings.key,
      secret: settings.secret,
      output: { prefix: "[realtime]" },
    });
    console.log(`dev: live updates on ws://${settings.host}:${settings.port} (embedded server)`);
    void realtime.exited.then((code) => {
      if (!stopping) console.warn(`dev: the realtime server exited (${code}); live updates paused`);
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`dev: live updates paused, the realtime server did not start: ${reason}`);
  }
} else {
  console.log(
    `dev: live updates ${settings.driver === "disabled" ? "off (REALTIME_DISABLED)" : "via PUSHER_*"}`,
  );
}

const nextBin = path.join(cwd, "node_modules", "next", "dist", "bin", "next");
const next = run([nextBin, "dev", ...process.argv.slice(2)]);

let stopped: Promise<void> | null = null;
function stopAll(signal: NodeJS.Signals | null): Promise<void> {
  stopping = true;
  stopped ??= (async () => {
    if (signal && next.exitCode === null) next.kill(signal);
    await realtime?.stop();
  })();
  return stopped;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void stopAll(signal));
}
// Last resort if this process dies some other way: never leave a server behind.
process.on("exit", () => {
  if (next.exitCode === null) next.kill("SIGTERM");
  if (realtime?.child.exitCode === null) realtime.child.kill("SIGTERM");
});

const nextCode = await exitCode(next);
await stopAll(null);
process.exit(nextCode);
