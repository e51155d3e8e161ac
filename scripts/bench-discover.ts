import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { cpuSnapshot } from "./bench/cpu";
import { benchDatabaseUrl, createBenchDatabase, endBenchDatabase } from "./bench/database";
import { distinctQueries, loadHashtags, loadNames, SEARCHES } from "./bench/discover-data";
import { counts, GROW, loadPeople, loadStage, SMALL } from "./bench/load-data";
import { type LoadResult, runLoad, type Target } from "./bench/load-test";
import { benchClock, printVerdict, runBench } from "./bench/run";
import { benchableBuild, type RunningServer, startBenchServer } from "./bench/server";
import { BENCH_SECRET, type BenchUser, sessionCookie } from "./bench/session";

const KEEP = process.argv.includes("--keep");
const SMALL_ONLY = process.argv.includes("--small");
const DB_NAME = "snapgram_bench_disc";
const BENCH_URL = benchDatabaseUrl(DB_NAME);
const CONNECTIONS = 20;
const DURATION_MS = 10_000;
const WARMUP_MS = 3_000;
const DEADLINE_MS = 8 * 60_000;
const TARGET = { typeaheadP95: 50, exploreP95: 150 };
/** Enough different queries that the cold typeahead run never repeats one. */
const MISS_QUERIES = 8_000;
const ROUTES = ["/api/search/route", "/api/explore/route", "/api/bench/ping/route"];

const root = process.cwd();
let server: RunningServer | null = null;
const { elapsed, log } = benchClock();
const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");

async function cleanup(): Promise<void> {
  await server?.stop().catch(() => {});
  server = null;
  await endBenchDatabase(DB_NAME, KEEP, log);
}

async function load(sql: postgres.Sql, label: string, run: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await run();
  const c = await counts(sql);
  const [h] = await sql<{ tags: number; links: number }[]>`
    select (select count(*) from hashtags)::int as tags, (select count(*) from post_hashtags)::int as links`;
  const sizes = Object.entries({ ...c, hashtags: h?.tags ?? 0, post_hashtags: h?.links ?? 0 })
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
    .join(", ");
  log(`${label} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${sizes}`);
}

/** The three feed-bench viewers (following 50, 500 and 2,000 people) and 17 other active people. */
async function people(sql: postgres.Sql): Promise<BenchUser[]> {
  return sql<BenchUser[]>`
    (select id, username, name, role, session_version as "sessionVersion" from users
      where username like 'bench_f%' order by username)
    union all
    (select id, username, name, role, session_version from users
      where status = 'active' and username not like 'bench_f%' order by hashtext(username) limit 17)`;
}

type Page = { items: { id: string }[]; nextCursor: string | null };

async function getJson<T>(
  url: string,
  cookie: string | null,
): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { headers: cookie ? { cookie, accept: "application/json" } : {} });
  return { status: res.status, body: (await res.json()) as T };
}

/** Right before timing: answers are right, and the explore pages to cycle through. */
async function check(base: string, cookies: string[]): Promise<string[]> {
  const first = cookies[0] ?? "";
  const started = performance.now();
  const page1 = await getJson<Page>(`${base}/api/explore`, first);
  log(`first GET /api/explore (builds the snapshot): ${fmt(performance.now() - started, 0)} ms`);
  const page2 = await getJson<Page>(`${base}/api/explore?cursor=${page1.body.nextCursor}`, first);
  const overlap = page2.body.items.filter((p) => page1.body.items.some((q) => q.id === p.id));
  if (page1.body.items.length !== 24 || page2.body.items.length !== 24 || overlap.length > 0) {
    throw new Error(`explore pages: ${page1.body.items.length}, ${page2.body.items.length}`);
  }
  const found = await getJson<{ users: { username: string }[] }>(`${base}/api/search?q=ana`, first);
  if (found.status !== 200 || found.body.users.length === 0) throw new Error("search found nobody");
  const statuses = [
    (await getJson(`${base}/api/search?q=ana`, null)).status,
    (await getJson(`${base}/api/explore?cursor=bad*`, first)).status,
    (await getJson(`${base}/api/search?q=${encodeURIComponent("%_\\'😀".repeat(40))}`, first))
      .status,
  ];
  if (statuses.join() !== "401,400,200") throw new Error(`statuses ${statuses.join()}`);
  // Each person's first three explore pages.
  const urls: string[] = [];
  for (const cookie of cookies) {
    let cursor: string | null = null;
    for (let i = 0; i < 3; i++) {
      urls.push(`${base}/api/explore${cursor ? `?cursor=${cursor}` : ""}`);
      const next: { body: Page } = await getJson<Page>(urls.at(-1) ?? "", cookie);
      cursor = next.body.nextCursor;
      if (!cursor) break;
    }
  }
  return urls;
}

async function measure(
  label: string,
  targets: Target[],
  connections = CONNECTIONS,
  warmup = connections === CONNECTIONS,
): Promise<LoadResult> {
  const durationMs = connections === CONNECTIONS ? DURATION_MS : DURATION_MS / 2;
  if (warmup) await runLoad(targets, { connections, durationMs: WARMUP_MS });
  const pid = server?.pid ?? 0;
  const before = cpuSnapshot(pid, DB_NAME);
  const r = await runLoad(targets, { connections, durationMs });
  const after = cpuSnapshot(pid, DB_NAME);
  log(
    `${label.padEnd(26)} ${fmt(r.rps, 0).padStart(5)} req/s  p50 ${fmt(r.p50).padStart(6)} ms  ` +
      `p95 ${fmt(r.p95).padStart(6)} ms  p99 ${fmt(r.p99).padStart(6)} ms  cpu/req app ` +
      `${fmt((after.server - before.server) / r.requests, 2)} + db ${fmt((after.db - before.db) / r.requests, 2)} ms ` +
      `(${r.requests} req, ${r.errors} err)`,
  );
  if (r.errors > 0) throw new Error(`${label}: ${r.errors} requests failed`);
  return r;
}

async function main(): Promise<void> {
  if (!benchableBuild(root, ROUTES)) return;
  process.env.AUTH_SECRET = BENCH_SECRET;
  // lib/env validates the settings when first imported, so this comes after AUTH_SECRET is set.
  const { explainDiscover } = await import("./bench/discover-explain");
  log(await createBenchDatabase(DB_NAME));
  const sql = postgres(BENCH_URL, { max: 1, onnotice: () => {} });
  try {
    await load(sql, "people", () => loadPeople(sql));
    await load(sql, "posts, stage 1", () => loadStage(sql, SMALL));
    if (!SMALL_ONLY) await load(sql, "posts, stage 2", () => loadStage(sql, GROW));
    await load(sql, "names and hashtags", async () => {
      await loadNames(sql);
      await loadHashtags(sql);
    });
    const users = await people(sql);
    server = await startBenchServer(root, BENCH_URL, BENCH_SECRET);
    const base = server.baseUrl;
    log(`next start on ${base}, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s per run`);
    const cookies = await Promise.all(users.map((u) => sessionCookie(sql, BENCH_SECRET, u)));
    const exploreUrls = await check(base, cookies);
    const headers = (i: number) => ({
      cookie: cookies[i % cookies.length] ?? "",
      accept: "application/json",
    });

    const trivial = await measure("trivial /api/bench/ping", [
      { url: `${base}/api/bench/ping`, headers: headers(0) },
    ]);
    const searches = SEARCHES.flatMap((q, i) =>
      cookies.map((_, j) => ({
        url: `${base}/api/search?q=${encodeURIComponent(q)}`,
        headers: headers(i + j),
      })),
    );
    const typeahead = await measure(`typeahead (${SEARCHES.length} queries)`, searches);
    // Every request a query the server has not answered before: none is served from memory.
    const fresh = (await distinctQueries(sql, MISS_QUERIES)).map((q, i) => ({
      url: `${base}/api/search?q=${encodeURIComponent(q)}`,
      headers: headers(i),
    }));
    const misses = await measure(`typeahead, new queries`, fresh, CONNECTIONS, false);
    if (misses.requests > fresh.length) log(`  (${misses.requests - fresh.length} repeated)`);
    const exploreTargets = exploreUrls.map((url, i) => ({
      url,
      headers: headers(Math.floor(i / 3)),
    }));
    const explore = await measure(`explore (${exploreUrls.length} pages)`, exploreTargets);
    // One request at a time: the latency of the route itself, without queueing for the CPUs.
    const alone = [
      await measure("typeahead, new queries, 1 conn", fresh.slice(MISS_QUERIES / 2), 1),
      await measure("explore, 1 connection", exploreTargets, 1),
    ];
    await server.stop();
    server = null;

    const viewer = users.find((u) => u.username === "bench_f2000") ?? users[0];
    const plans = await explainDiscover(BENCH_URL, viewer?.id ?? "");
    for (const p of plans) console.log(`\nEXPLAIN (ANALYZE, BUFFERS) ${p.label}:\n${p.text}`);
    // Small tables (hashtags: 2,000 rows) may be read whole; big ones never per request.
    const big = ["posts", "users", "follows", "likes", "post_hashtags", "explore_ranks"];
    const scans = plans.filter(
      (p) => !p.label.includes("rebuild") && p.seqScans.some((t) => big.includes(t)),
    );
    const rows: [string, string, string, boolean][] = [
      [
        "typeahead p95 (20 common queries)",
        `${fmt(typeahead.p95)} ms`,
        `< ${TARGET.typeaheadP95} ms`,
        typeahead.p95 < TARGET.typeaheadP95,
      ],
      [
        "explore p95",
        `${fmt(explore.p95)} ms`,
        `< ${TARGET.exploreP95} ms`,
        explore.p95 < TARGET.exploreP95,
      ],
      [
        "no Seq Scan in per-request plans",
        scans.length === 0
          ? "none"
          : scans.map((p) => `${p.label}: ${p.seqScans.join(",")}`).join("; "),
        "none",
        scans.length === 0,
      ],
    ];
    console.log(`\n${"check".padEnd(34)} ${"measured".padEnd(30)} ${"target".padEnd(12)} result`);
    for (const [c, m, t, ok] of rows) {
      console.log(`${c.padEnd(34)} ${m.padEnd(30)} ${t.padEnd(12)} ${ok ? "PASS" : "FAIL"}`);
    }
    console.log(
      `(typeahead with only queries the server has not answered before, none from memory: ` +
        `p95 ${fmt(misses.p95)} ms, ${fmt(misses.rps, 0)} req/s at ${CONNECTIONS} connections)`,
    );
    console.log(
      `(at the same load the trivial route answers p95 ${fmt(trivial.p95)} ms, ${fmt(trivial.rps, 0)} req/s;` +
        ` one request at a time: typeahead p95 ${fmt(alone[0]?.p95 ?? Number.NaN)} ms,` +
        ` explore p95 ${fmt(alone[1]?.p95 ?? Number.NaN)} ms)`,
    );
    console.log(`Plan times: ${plans.map((p) => `${p.label} ${fmt(p.ms, 2)} ms`).join("; ")}`);
    const missed = rows.filter((r) => !r[3]).length;
    printVerdict(missed, elapsed());
  } finally {
    await sql.end({ timeout: 5 });
  }
}

runBench({ name: "bench:discover", deadlineMs: DEADLINE_MS, main, cleanup });
