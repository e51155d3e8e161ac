// How every bench script runs: a hard deadline, SIGINT/SIGTERM handled, errors printed, and
// cleanup (servers, databases, folders) always done before the process ends.
import { performance } from "node:perf_hooks";

/** `log` prints a line after the seconds since this call; `elapsed` is that time. */
export function benchClock() {
  const t0 = performance.now();
  const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)}s`;
  const log = (line: string) => console.log(`[${elapsed().padStart(4)}] ${line}`);
  return { elapsed, log };
}

/** The last line of a bench with targets. */
export function printVerdict(missed: number, elapsed: string): void {
  console.log(
    `\n${missed === 0 ? "All targets met" : `${missed} target(s) missed`} in ${elapsed}.`,
  );
}

export function runBench(opts: {
  name: string;
  deadlineMs: number;
  /** Resolves false (or throws) when the bench could not measure. */
  main: () => Promise<unknown>;
  cleanup: () => Promise<void>;
}) {
  const { name, deadlineMs, main, cleanup } = opts;
  const deadline = setTimeout(() => {
    console.error(`${name} took longer than ${Math.round(deadlineMs / 1000)} s; stopping`);
    void cleanup().finally(() => process.exit(2));
  }, deadlineMs);
  deadline.unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  main()
    .then((ok) => {
      if (ok === false) process.exitCode = 1;
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exitCode = 1;
    })
    .finally(async () => {
      await cleanup();
      clearTimeout(deadline);
    });
}
