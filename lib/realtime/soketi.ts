// The embedded realtime server: soketi (a Pusher-protocol server) as a child process on loopback.
// Node-only; used by scripts/realtime-server.ts, scripts/dev.ts and the integration tests, never by
// the app itself (which only talks to it over HTTP like it would to Pusher Channels).
import { type ChildProcess, spawn } from "node:child_process";
import dgram from "node:dgram";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

export type SoketiOptions = {
  port: number;
  appId: string;
  key: string;
  secret: string;
  /** default: 127.0.0.1; soketi would otherwise listen on every interface */
  host?: string;
  /** Where soketi's output goes; `{ prefix }` shows it line by line after a prefix. */
  output?: "inherit" | "ignore" | { prefix: string };
  /** Give up waiting for "OK" on GET / after this long (ms). */
  startTimeoutMs?: number;
  cwd?: string;
};

export type RunningSoketi = {
  child: ChildProcess;
  port: number;
  /** Resolves with the exit code once the process has exited (by itself or by stop()). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
};

/** Path of soketi's entry script, or null when @soketi/soketi is not installed. */
export function soketiBinary(cwd = process.cwd()): string | null {
  const bin = path.join(cwd, "node_modules", "@soketi", "soketi", "bin", "server.js");
  return existsSync(bin) ? bin : null;
}

/** A TCP port nobody listens on at the moment (the OS picks it). */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

function freeUdpPort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket("udp4");
    socket.once("error", reject);
    socket.bind(0, host, () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

/** Whether a TCP port can be listened on (soketi's own listener would silently share it). */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** Resolves once GET http://host:port/ answers "OK" (soketi's health check). */
export async function waitForSoketi(
  host: string,
  port: number,
  timeoutMs: number,
  stillRunning: () => boolean = () => true,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!stillRunning()) throw new Error("the realtime server exited while starting");
    try {
      const res = await fetch(`http://${host}:${port}/`, { signal: AbortSignal.timeout(1000) });
      if (res.ok && (await res.text()).trim() === "OK") return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the realtime server did not answer on ${host}:${port} within ${timeoutMs} ms`);
}

/** soketi's JSON config: one app, every listener on loopback, no LAN discovery broadcasts. */
export function soketiConfig(
  o: SoketiOptions & { metricsPort: number; discoveryPort: number },
): Record<string, unknown> {
  const host = o.host ?? "127.0.0.1";
  return {
    host,
    port: o.port,
    "appManager.array.apps": [
      { id: o.appId, key: o.key, secret: o.secret, enabled: true, enableClientMessages: false },
    ],
    "metrics.enabled": false,
    "metrics.host": host,
    "metrics.port": o.metricsPort,
    "cluster.address": host,
    "cluster.unicast": host,
    "cluster.port": o.discoveryPort,
    shutdownGracePeriod: 500,
  };
}

// soketi's start-up and shutdown banner (our own line says where it listens; the /usage port it
// names is a throwaway one).
const NOISE =
  /Initiating metrics|Server is up|is available|New users cannot connect|server is closing/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
const ANSI = /\u001b\[[0-9;]*m/g;

function pipeWithPrefix(child: ChildProcess, prefix: string): void {
  const pairs = [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const;
  for (const [stream, out] of pairs) {
    if (!stream) continue;
    createInterface({ input: stream }).on("line", (line) => {
      const text = line.replace(ANSI, "").trim();
      if (text && !NOISE.test(text)) out.write(`${prefix} ${text}\n`);
    });
  }
}

function childEnv(): NodeJS.ProcessEnv {
  // SOKETI_* variables would override the config file; the AWS note is noise from a dependency.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: "1",
  };
  for (const k of Object.keys(env)) if (k.startsWith("SOKETI_")) delete env[k];
  return env;
}

/** Starts soketi with a private temp config and waits until it answers. */
export async function startSoketi(options: SoketiOptions): Promise<RunningSoketi> {
  const bin = soketiBinary(options.cwd);
  if (!bin) throw new Error("@soketi/soketi is not installed (npm install)");
  const host = options.host ?? "127.0.0.1";
  if (!(await isPortFree(options.port, host))) {
    throw new Error(`port ${options.port} on ${host} is in use (set REALTIME_PORT to another one)`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "snapgram-soketi-"));
  const configPath = path.join(dir, "config.json");
  const config = soketiConfig({
    ...options,
    host,
    metricsPort: await freePort(host),
    discoveryPort: await freeUdpPort(host),
  });
  // The config holds the app secret: readable by this user only.
  await writeFile(configPath, JSON.stringify(config), { mode: 0o600 });

  const child = spawn(process.execPath, [bin, "start", `--config=${configPath}`], {
    cwd: options.cwd,
    env: childEnv(),
    stdio: typeof options.output === "object" ? "pipe" : (options.output ?? "inherit"),
  });
  if (typeof options.output === "object") pipeWithPrefix(child, options.output.prefix);
  let running = true;
  const exited = new Promise<number | null>((resolve) => {
    const done = (code: number | null) => {
      running = false;
      void rm(dir, { recursive: true, force: true });
      resolve(code);
    };
    child.once("exit", (code) => done(code));
    child.once("error", () => done(null));
  });

  async function stop(): Promise<void> {
    if (!running) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(killer);
  }

  try {
    await waitForSoketi(host, options.port, options.startTimeoutMs ?? 20_000, () => running);
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, port: options.port, exited, stop };
}
