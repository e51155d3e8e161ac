// Lighthouse on the main pages, as a phone sees them: Lighthouse 12's default mobile emulation and
// throttling, Chromium at /usr/bin/chromium. Starts a throwaway stack (a fresh PostgreSQL database
// on 127.0.0.1:5432 as in production, or with --pglite the embedded one, seeded with the demo
// content; the embedded realtime server; the BUILT app: scripts/bench/live-stack.ts), signs
// in as a demo user, runs every page RUNS times (median by performance score) signed in and the
// public ones signed out, and prints one row per page: scores, LCP, TBT, CLS, the script bytes
// the page loaded (compressed: in all, and the first-load ones its HTML names, as `next start`
// serves them; `npm run bench:js-floor` gives an empty page's) and whether the back/forward cache
// may keep it.
// Usage: npm run bench:lighthouse [-- --runs=3 --only=home,post --json=out.json --lhr=dir --pglite --h2]
// (--lhr: every run's full Lighthouse report, to see why a metric is what it is; --h2: the pages
// through an HTTP/2 TLS front, as CloudFront serves them in production, instead of `next start`'s
// HTTP/1.1 — scripts/bench/h2-proxy.ts)
// Needs a build (`npm run build`). Exits 1 when the stack could not be set up, 2 past the deadline.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Browser } from "playwright";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/e2e/support/local-stack";
import { benchDatabaseUrl, createBenchDatabase, dropBenchDatabase } from "./bench/database";
import { firstLoadJs } from "./bench/first-load";
import { type H2Proxy, startH2Proxy } from "./bench/h2-proxy";
import { launchBrowser, signIn } from "./bench/live-browser";
import { type LiveStack, startLiveStack } from "./bench/live-stack";
import { runBench } from "./bench/run";
import { buildProblem } from "./bench/server";

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Math.max(1, Number(arg("runs") ?? 3) || 3);
const ONLY = arg("only")?.split(",");
const JSON_OUT = arg("json");
const LHR_DIR = arg("lhr");
const PGLITE = process.argv.includes("--pglite");
const H2 = process.argv.includes("--h2");
const DB_NAME = "snapgram_bench_lighthouse";
const VIEWER = "ana";
const OTHER = "ben.k";

type PageSpec = { name: string; path: string; signedIn: boolean };
type Run = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcp: number;
  tbt: number;
  cls: number;
  fcp: number;
  scriptBytes: number;
  bfcache: boolean;
  /** Lighthouse's CPU benchmark of the run (higher is faster): a busy machine shows here. */
  benchmarkIndex: number;
  /** Why the back/forward cache refused the page (Lighthouse's bf-cache audit). */
  bfcacheBlockers: string[];
};

const root = path.resolve(import.meta.dirname, "..");
let stack: LiveStack | null = null;
let proxy: H2Proxy | null = null;
let browser: Browser | null = null;
let chrome: chromeLauncher.LaunchedChrome | null = null;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

async function firstOf(baseUrl: string, cookie: string) {
  const get = async (url: string) => {
    const res = await fetch(`${baseUrl}${url}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
    return res.json() as Promise<{ items: { id: string; caption?: string }[] }>;
  };
  const posts = await get(`/api/users/${OTHER}/posts`);
  const post = posts.items[0]?.id;
  if (!post) throw new Error(`${OTHER} has no posts: is the demo content seeded?`);
  const tag = posts.items.map((p) => /#(\w+)/.exec(p.caption ?? "")?.[1]).find(Boolean);
  return { post, tag: tag ?? "food" };
}

async function measure(url: string, cookie: string | null, port: number): Promise<Run> {
  const result = await lighthouse(
    url,
    {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    },
    undefined,
  );
  if (!result) throw new Error(`no Lighthouse result for ${url}`);
  if (LHR_DIR) {
    mkdirSync(LHR_DIR, { recursive: true });
    const name = `${new URL(url).pathname.replace(/[^\w]+/g, "_")}-${cookie ? "in" : "out"}-${Date.now()}`;
    writeFileSync(path.join(LHR_DIR, `${name}.json`), JSON.stringify(result.lhr));
    if (process.env.LHR_TRACE) {
      writeFileSync(
        path.join(LHR_DIR, `${name}.trace.json`),
        JSON.stringify(result.artifacts.Trace),
      );
    }
  }
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const num = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  const requests = (audits["network-requests"]?.details as { items?: Record<string, unknown>[] })
    ?.items;
  const scriptBytes = (requests ?? [])
    .filter((r) => r.resourceType === "Script")
    .reduce((sum, r) => sum + (Number(r.transferSize) || 0), 0);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcp: num("largest-contentful-paint"),
    tbt: num("total-blocking-time"),
    cls: num("cumulative-layout-shift"),
    fcp: num("first-contentful-paint"),
    scriptBytes,
    // Lighthouse's bf-cache audit passes when nothing keeps the page out of the cache.
    bfcache: (audits["bf-cache"]?.score ?? 0) === 1,
    benchmarkIndex: result.lhr.environment.benchmarkIndex,
    bfcacheBlockers: (
      (audits["bf-cache"]?.details as { items?: { reason?: string }[] } | undefined)?.items ?? []
    ).map((i) => String(i.reason ?? "")),
  };
}

function row(spec: PageSpec, runs: Run[], firstLoadBytes: number): string {
  const byScore = [...runs].sort((a, b) => a.performance - b.performance);
  const mid = byScore[Math.floor((byScore.length - 1) / 2)] as Run;
  const cells = [
    `${spec.name} (${spec.signedIn ? "signed in" : "signed out"})`,
    String(median(runs.map((r) => r.performance))),
    `${(median(runs.map((r) => r.lcp)) / 1000).toFixed(1)} s`,
    `${Math.round(median(runs.map((r) => r.tbt)))} ms`,
    median(runs.map((r) => r.cls)).toFixed(3),
    `${(median(runs.map((r) => r.scriptBytes)) / 1024).toFixed(0)} KB`,
    `${(firstLoadBytes / 1024).toFixed(0)} KB`,
    `${mid.accessibility} / ${mid.bestPractices} / ${mid.seo}`,
    mid.bfcache ? "yes" : "no",
    String(Math.round(median(runs.map((r) => r.benchmarkIndex)))),
  ];
  return `| ${cells.join(" | ")} |`;
}

async function main(): Promise<boolean> {
  const problem = buildProblem(root);
  if (problem) {
    console.error(`bench:lighthouse: ${problem}; run \`npm run build\` first`);
    return false;
  }
  let databaseUrl: string | undefined;
  if (!PGLITE) {
    console.log(await createBenchDatabase(DB_NAME));
    databaseUrl = benchDatabaseUrl(DB_NAME);
  }
  stack = await startLiveStack(root, (line) => console.log(line), { databaseUrl });
  browser = await launchBrowser();
  const page = await signIn(browser, stack.baseUrl, VIEWER);
  const cookie = (await page.context().cookies())
    .filter((c) => c.name.includes("session-token"))
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
  if (!cookie) throw new Error("no session cookie after signing in");
  await browser.close();
  browser = null;
  const { post, tag } = await firstOf(stack.baseUrl, cookie);
  if (H2) proxy = await startH2Proxy(stack.baseUrl);
  const pageBase = proxy?.url ?? stack.baseUrl;

  const pages: PageSpec[] = [
    { name: "home", path: "/", signedIn: true },
    { name: "profile", path: `/${OTHER}`, signedIn: true },
    { name: "post", path: `/p/${post}`, signedIn: true },
    { name: "explore", path: "/explore", signedIn: true },
    { name: "tag", path: `/explore/tags/${tag}`, signedIn: true },
    { name: "login", path: "/login", signedIn: false },
    { name: "profile", path: `/${OTHER}`, signedIn: false },
    { name: "post", path: `/p/${post}`, signedIn: false },
  ].filter((p) => !ONLY || ONLY.includes(p.name));

  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || CHROMIUM_PATH,
    // The HTTP/2 front's certificate is a throwaway self-signed one.
    chromeFlags: [
      "--headless=new",
      ...CHROMIUM_ARGS,
      ...(H2 ? ["--ignore-certificate-errors"] : []),
    ],
  });
  const results: { spec: PageSpec; runs: Run[]; firstLoadBytes: number }[] = [];
  // A warm-up load per page compiles nothing (the build is done) but fills the OS file cache.
  for (const spec of pages) {
    const url = `${pageBase}${spec.path}`;
    const auth = spec.signedIn ? cookie : null;
    await measure(url, auth, chrome.port);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(url, auth, chrome.port));
    // From `next start` itself (the HTTP/2 front only re-frames the same bytes).
    const { totalBytes } = await firstLoadJs(stack.baseUrl, spec.path, auth ?? undefined);
    results.push({ spec, runs, firstLoadBytes: totalBytes });
    console.log(`measured ${spec.path} ${spec.signedIn ? "signed in" : "signed out"}`);
  }

  console.log(
    `\nLighthouse 12.2.3, mobile (default emulation and throttling), median of ${RUNS}, ${H2 ? "HTTP/2 (TLS front, as CloudFront)" : "HTTP/1.1 (next start)"}`,
  );
  console.log(
    "| page | performance | LCP | TBT | CLS | script (compressed) | first-load JS | a11y / BP / SEO | bfcache | CPU index |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const { spec, runs, firstLoadBytes } of results)
    console.log(row(spec, runs, firstLoadBytes));
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
  return true;
}

runBench({
  name: "bench:lighthouse",
  deadlineMs: 40 * 60_000,
  main,
  cleanup: async () => {
    await browser?.close().catch(() => {});
    await chrome?.kill();
    await proxy?.close();
    await stack?.stop();
    if (!PGLITE) await dropBenchDatabase(DB_NAME);
  },
});
