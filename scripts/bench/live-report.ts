// Summary of `npm run bench:live`: nearest-rank percentiles where a missed event counts as
// infinitely slow, so a handful of misses cannot hide behind a good p95.
import type { Sample } from "./live-browser";

export const TARGET_P95_MS = 300;

/** Nearest-rank percentile of values (null = missed = +Infinity). */
export function percentile(values: (number | null)[], p: number): number {
  const sorted = values
    .map((v) => (v === null ? Number.POSITIVE_INFINITY : v))
    .sort((x, y) => x - y);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : "missed");

function line(label: string, values: (number | null)[]): string {
  const hits = values.filter((v): v is number => v !== null);
  const max = hits.length > 0 ? Math.max(...hits) : Number.NaN;
  const min = hits.length > 0 ? Math.min(...hits) : Number.NaN;
  return [
    label.padEnd(26),
    `n=${String(values.length).padStart(2)}`,
    `p50 ${ms(percentile(values, 50)).padStart(7)}`,
    `p95 ${ms(percentile(values, 95)).padStart(7)}`,
    `max ${ms(max).padStart(7)}`,
    `min ${ms(min).padStart(7)}`,
    `misses ${values.length - hits.length}`,
  ].join("  ");
}

/** Prints the table; answers whether commit->DOM p95 met the target. */
export function printLiveSummary(samples: Sample[]): boolean {
  const commit = samples.map((s) => s.commitToDom);
  const click = samples.map((s) => s.clickToDom);
  console.log("\nLive update latency, B acts -> A's DOM shows it (two Chromium pages, loopback):");
  console.log(line("commit -> DOM (all)", commit));
  console.log(line("click  -> DOM (all)", click));
  for (const kind of ["like", "unlike", "comment"] as const) {
    const some = samples.filter((s) => s.kind === kind);
    if (some.length > 0) {
      console.log(
        line(
          `commit -> DOM (${kind})`,
          some.map((s) => s.commitToDom),
        ),
      );
    }
  }
  const fallback = samples.filter((s) => s.clock === "node").length;
  if (fallback > 0) {
    console.log(
      `(${fallback} commit instants taken from Node's response event, not the browser's)`,
    );
  }
  const negative = commit.filter((v) => v !== null && v < 0).length;
  if (negative > 0) console.log(`(${negative} negative commit->DOM samples: clock skew or a bug)`);
  const p95 = percentile(commit, 95);
  const pass = p95 < TARGET_P95_MS;
  console.log(
    `\n${pass ? "PASS" : "FAIL"}: commit -> DOM p95 ${ms(p95)} (target < ${TARGET_P95_MS} ms, ` +
      "misses count as infinitely slow)",
  );
  return pass;
}
