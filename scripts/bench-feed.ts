// Bench of the home feed on PostgreSQL: loads a realistic data set into a fresh database, starts
// the BUILT app against it, and measures GET /api/feed for viewers following 50, 500 and 2,000
// people against a trivial route, at two data sizes ten times apart; then EXPLAINs the query.
// Usage: npm run bench:feed [-- --keep]   (--keep leaves the snapgram_bench database behind)
// Needs a build (`npm run build`) and PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth).
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { cpuSnapshot } from "./bench/cpu";
import { benchDatabaseUrl, createBenchDatabase, endBenchDatabase } from "./bench/database";
import { counts, GROW, loadPeople, loadStage, SMALL, VIEWERS } from "./bench/load-data";
import { runLoad } from "./bench/load-test";
import { printSummary, type Run, runLine, type ViewerResult } from "./bench/report";
import { benchClock, printVerdict, runBench } from "./bench/run";
import { benchableBuild, type RunningServer, startBenchServer } from "./bench/server";
import { BENCH_SECRET, type BenchUser, sessionCookie } from "./bench/session";

const KEEP = process.argv.includes("--keep");
// BENCH_DB_NAME lets two checkouts bench on one PostgreSQL at once.
const DB_NAME = process.env.BENCH_DB_NAME ?? "snapgram_bench";
const BENCH_URL = benchDatabaseUrl(DB_NAME);
const CONNECTIONS = 20;
const DURATION_MS = 10_000;
const WARMUP_MS = 3_000;
const SERVER_WARMUP_MS = 4_000;
const DEADLINE_MS = 15 * 60_000;

const root = process.cwd();
let server: RunningServer | null = null;
const { elapsed, log } = benchClock();

async function cleanup(): Promise<void> {
  await server?.stop().catch(() => {});
  server = null;
  await endBenchDatabase(DB_NAME, KEEP, log);
}

async function load(sql: postgres.Sql, label: string, run: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await run();
  const c = await counts(sql);
  const sizes = Object.entries(c)
    .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
    .join(", ");
  log(`${label} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${sizes}`);
}

async function viewers(sql: postgres.Sql): Promise<(BenchUser & { follows: number })[]> {
  const rows = await sql<(BenchUser & { follows: number })[]>`
    select u.id, u.username, u.name, u.role, u.session_version as "sessionVersion",
      (select count(*) from follows f where f.follower_id = u.id)::int as follows
    from users u where u.username in ${sql(VIEWERS.map((v) => v.username))}
    order by follows`;
  for (const [i, v] of VIEWERS.entries()) {
    if (rows[i]?.follows !== v.follows) throw new Error(`${v.username} should follow ${v.follows}`);
  }
  return rows;
}

type Feed = { items: { id: string }[]; nextCursor: string | null };

/** The feed answers right before it is timed: a full page, a second page, 401 and 400. */
async function checkFeed(base: string, cookie: string, who: string): Promise<void> {
  const get = (q = "", withCookie = true) =>
    fetch(`${base}/api/feed${q}`, { headers: withCookie ? { cookie } : {} });
  const first = await get();
  const page = (await first.json()) as Feed;
  if (first.status !== 200 || page.items.length !== 10 || !page.nextCursor) {
    throw new Error(`${who}: GET /api/feed gave ${first.status} with ${page.items?.length} posts`);
  }
  const second = (await (await get(`?cursor=${page.nextCursor}`)).json()) as Feed;
  const overlap = second.items.filter((p) => page.items.some((q) => q.id === p.id));
  if (second.items.length !== 10 || overlap.length > 0) throw new Error(`${who}: bad page 2`);
  const anonymous = (await get("", false)).status;
  const bad = (await get("?cursor=bad*cursor")).status;
  if (anonymous !== 401 || bad !== 400) throw new Error(`${who}: got ${anonymous} and ${bad}`);
}

async function measure(label: string, url: string, cookie: string): Promise<Run> {
  const target = { url, headers: { cookie, accept: "application/json" } };
  const pid = server?.pid ?? 0;
  await runLoad(target, { connections: CONNECTIONS, durationMs: WARMUP_MS });
  const before = cpuSnapshot(pid, DB_NAME);
  const r = await runLoad(target, { connections: CONNECTIONS, durationMs: DURATION_MS });
  const after = cpuSnapshot(pid, DB_NAME);
  const run: Run = {
    ...r,
    cpuServer: (after.server - before.server) / r.requests,
    cpuDb: (after.db - before.db) / r.requests,
  };
  log(runLine(label, run));
  if (r.errors > 0) throw new Error(`${label}: ${r.errors} requests failed`);
  return run;
}

async function main(): Promise<void> {
  if (!benchableBuild(root)) return;
  process.env.AUTH_SECRET = BENCH_SECRET;
  // lib/env validates the settings when first imported, so these come after AUTH_SECRET is set.
  const { explainFeedQuery } = await import("./bench/explain");

  log(await createBenchDatabase(DB_NAME));
  const sql = postgres(BENCH_URL, { max: 1, onnotice: () => {} });
  try {
    await load(sql, "people", () => loadPeople(sql));
    await load(sql, "small set", () => loadStage(sql, SMALL));
    const people = await viewers(sql);

    server = await startBenchServer(root, BENCH_URL, BENCH_SECRET);
    const base = server.baseUrl;
    log(`next start on ${base}, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s per run`);
    const cookies = await Promise.all(people.map((p) => sessionCookie(sql, BENCH_SECRET, p)));
    for (const [i, p] of people.entries()) await checkFeed(base, cookies[i] ?? "", p.username);

    const feedUrl = `${base}/api/feed`;
    // A fresh server compiles its routes and warms V8 on the first requests: not what is measured.
    const warmup = [
      ...cookies.map((cookie) => ({ url: feedUrl, cookie })),
      { url: `${base}/api/bench/ping`, cookie: cookies[0] ?? "" },
    ];
    for (const w of warmup) {
      await runLoad(
        { url: w.url, headers: { cookie: w.cookie } },
        { connections: CONNECTIONS, durationMs: SERVER_WARMUP_MS },
      );
    }
    const small: Run[] = [];
    for (const [i, p] of people.entries()) {
      small.push(await measure(`feed ${p.username} (30k posts)`, feedUrl, cookies[i] ?? ""));
    }

    await load(sql, "grown ten times", () => loadStage(sql, GROW));
    const results: ViewerResult[] = [];
    for (const [i, p] of people.entries()) {
      // The trivial route right before each feed run, so both see the same background load.
      const trivial = await measure(
        "trivial /api/bench/ping",
        `${base}/api/bench/ping`,
        cookies[i] ?? "",
      );
      const big = await measure(`feed ${p.username} (300k posts)`, feedUrl, cookies[i] ?? "");
      const first = small[i];
      if (first)
        results.push({ username: p.username, follows: p.follows, small: first, big, trivial });
    }
    await server.stop();
    server = null;

    const heaviest = people[people.length - 1];
    const plan = await explainFeedQuery(BENCH_URL, heaviest?.id ?? "");
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the feed posts query for ${heaviest?.username}:`);
    console.log(plan.text);
    const missed = printSummary(results, plan, CONNECTIONS);
    printVerdict(missed, elapsed());
  } finally {
    await sql.end({ timeout: 5 });
  }
}

runBench({ name: "bench:feed", deadlineMs: DEADLINE_MS, main, cleanup });
