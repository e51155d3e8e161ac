// How every bench script runs: a hard deadline, SIGINT/SIGTERM handled, errors printed, and
// cleanup (servers, databases, folders) always done before the process ends.

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
