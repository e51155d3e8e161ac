// What bench:feed prints: one line per timed run, then the summary table against the targets.
import type { LoadResult } from "./load-test";

export const TARGET = { throughputShare: 0.4, p99Ms: 100, growth: 1.3 };

/** A timed run and the CPU it cost per request (app server process tree, PostgreSQL backends). */
export type Run = LoadResult & { cpuServer: number; cpuDb: number };

export type ViewerResult = {
  username: string;
  follows: number;
  small: Run;
  big: Run;
  /** the trivial route, timed right before `big` */
  trivial: Run;
};

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

export function runLine(label: string, r: Run): string {
  return (
    `${label.padEnd(34)} ${fmt(r.rps, 0).padStart(5)} req/s  p50 ${fmt(r.p50).padStart(6)} ms  ` +
    `p99 ${fmt(r.p99).padStart(6)} ms  cpu/req app ${fmt(r.cpuServer, 2)} + db ${fmt(r.cpuDb, 2)} ms ` +
    `(${r.requests} req, ${r.errors} err)`
  );
}

type Row = [check: string, measured: string, target: string, ok: boolean];

/** Prints the table; returns how many targets were missed. */
export function printSummary(
  results: ViewerResult[],
  plan: { usesPostsIndex: boolean; seqScanOnPosts: boolean; executionMs: number },
  connections: number,
): number {
  const rows: Row[] = [];
  for (const v of results) {
    const share = v.big.rps / v.trivial.rps;
    const growth = v.big.p50 / v.small.p50;
    const u = v.username;
    rows.push(
      [
        `${u} throughput vs trivial`,
        `${fmt(v.big.rps, 0)} / ${fmt(v.trivial.rps, 0)} = ${fmt(share * 100, 0)}%`,
        `>= ${TARGET.throughputShare * 100}%`,
        share >= TARGET.throughputShare,
      ],
      [
        `${u} p99 at ${connections} connections`,
        `${fmt(v.big.p99)} ms`,
        `< ${TARGET.p99Ms} ms`,
        v.big.p99 < TARGET.p99Ms,
      ],
      [
        `${u} p50 growth 30k -> 300k posts`,
        `${fmt(v.small.p50)} -> ${fmt(v.big.p50)} ms = x${fmt(growth, 2)}`,
        `<= x${TARGET.growth}`,
        growth <= TARGET.growth,
      ],
    );
  }
  rows.push([
    "EXPLAIN: posts index, no Seq Scan",
    `${plan.usesPostsIndex ? "index" : "NO index"}, ${plan.seqScanOnPosts ? "Seq Scan" : "no Seq Scan"}, ${fmt(plan.executionMs, 2)} ms`,
    "index, no Seq Scan",
    plan.usesPostsIndex && !plan.seqScanOnPosts,
  ]);

  const widths = [38, 34, 20];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" ");
  console.log(`\n${line(["check", "measured", "target"])} result`);
  for (const [check, measured, target, ok] of rows) {
    console.log(`${line([check, measured, target])} ${ok ? "PASS" : "FAIL"}`);
  }

  // The same comparison by CPU per request, which background load on a shared machine does not
  // skew: what the throughput ratio would be where the app and database had the CPUs to themselves.
  console.log("\nCPU per request (app server + PostgreSQL), 300k posts:");
  for (const v of results) {
    const feed = v.big.cpuServer + v.big.cpuDb;
    const trivial = v.trivial.cpuServer + v.trivial.cpuDb;
    console.log(
      `  ${v.username.padEnd(12)} feed ${fmt(feed, 2)} ms vs trivial ${fmt(trivial, 2)} ms: ` +
        `CPU-bound throughput ${fmt((trivial / feed) * 100, 0)}% of trivial; ` +
        `30k -> 300k posts x${fmt(feed / (v.small.cpuServer + v.small.cpuDb), 2)}`,
    );
  }
  return rows.filter((r) => !r[3]).length;
}
