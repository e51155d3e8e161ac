// A timer for the server's maintenance (lib/maintenance/run.ts): the first run shortly after
// start-up, then one every `intervalMs`, never two at once, never keeping the process alive,
// and a failed run is logged and retried at the next tick.

export const MAINTENANCE_INTERVAL_MS = 5 * 60_000;
export const FIRST_RUN_DELAY_MS = 30_000;

type Options = {
  intervalMs?: number;
  firstDelayMs?: number;
  log?: (message: string, err: unknown) => void;
};

/** Starts the timer; returns the function that stops it. */
export function startMaintenance(run: () => Promise<unknown>, opts: Options = {}): () => void {
  const intervalMs = opts.intervalMs ?? MAINTENANCE_INTERVAL_MS;
  const log = opts.log ?? ((message, err) => console.error(message, err));
  let running = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(tick, delay);
    timer.unref?.();
  };
  async function tick() {
    if (running) return schedule(intervalMs);
    running = true;
    try {
      await run();
    } catch (err) {
      log("maintenance run failed", err);
    } finally {
      running = false;
      schedule(intervalMs);
    }
  }

  schedule(opts.firstDelayMs ?? FIRST_RUN_DELAY_MS);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
