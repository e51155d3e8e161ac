// The first-load JavaScript of an EMPTY page on this repo's Next.js and React: a throwaway app in a
// temporary folder (one server-component page, no client component, no code of ours; its
// node_modules a link to ours) built with the installed `next`, served by `next start`, and the
// scripts its HTML loads fetched as a browser does (gzip; the `noModule` polyfills left out), also
// sized with brotli at quality 11. It is the floor under any page of the app: `npm run
// bench:lighthouse` prints what the real pages load, and the difference is the app's own.
// Usage: npm run bench:js-floor [-- --webpack]   (Turbopack, as `npm run build`, unless --webpack)
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../lib/realtime/soketi";
import { firstLoadJs, getGzip } from "./bench/first-load";

const root = path.resolve(import.meta.dirname, "..");
// Outside the repo: inside it Next.js would pick up the app's own config and instrumentation.
const dir = mkdtempSync(path.join(tmpdir(), "snapgram-js-floor-"));
const WEBPACK = process.argv.includes("--webpack");
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "production",
};

function writeApp() {
  mkdirSync(path.join(dir, "app"), { recursive: true });
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  writeFileSync(path.join(dir, "package.json"), '{ "private": true }\n');
  // Turbopack resolves only under its root: here, packages through the link to the repo's.
  writeFileSync(
    path.join(dir, "next.config.mjs"),
    'export default { turbopack: { root: "/" } };\n',
  );
  writeFileSync(
    path.join(dir, "app", "layout.jsx"),
    'export default function Layout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
  );
  writeFileSync(
    path.join(dir, "app", "page.jsx"),
    'export const dynamic = "force-dynamic";\nexport default function Page() {\n  return <main><h1>Empty</h1></main>;\n}\n',
  );
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [next, ...args], { cwd: dir, env, stdio: "pipe" });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c));
    child.stderr.on("data", (c: Buffer) => (output += c));
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args[0]} failed:\n${output}`)),
    );
  });
}

async function waitForPage(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await getGzip(url).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

async function main() {
  writeApp();
  await run(["build", ...(WEBPACK ? ["--webpack"] : [])]);
  const port = await freePort();
  const server: ChildProcess = spawn(
    process.execPath,
    [next, "start", "-H", "127.0.0.1", "-p", String(port)],
    { cwd: dir, env, stdio: "ignore" },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForPage(`${base}/`, 30_000);
    const { scripts, totalBytes, totalBrotliBytes } = await firstLoadJs(base, "/");
    const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(6)} KB`;
    console.log("  gzip    brotli-11");
    for (const { src, wireBytes, brotliBytes } of scripts) {
      console.log(`${kb(wireBytes)} ${kb(brotliBytes)}  ${src}`);
    }
    const { version } = JSON.parse(
      readFileSync(path.join(root, "node_modules", "next", "package.json"), "utf8"),
    ) as { version: string };
    const bundler = WEBPACK ? "webpack" : "Turbopack";
    const whole = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(
      `An empty page on next ${version} (${bundler}): ${scripts.length} scripts, ` +
        `${whole(totalBytes)} compressed (gzip, as next start serves them), ` +
        `${whole(totalBrotliBytes)} with brotli at quality 11`,
    );
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
});
