import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startMaintenance } from "@/lib/maintenance/schedule";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("startMaintenance", () => {
  it("runs after the first delay, then every interval, until stopped", async () => {
    const run = vi.fn(async () => {});
    const stop = startMaintenance(run, { firstDelayMs: 1000, intervalMs: 5000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it("never runs twice at once: a long run pushes the next one back", async () => {
    let active = 0;
    let most = 0;
    const run = vi.fn(async () => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 12_000));
      active -= 1;
    });
    const stop = startMaintenance(run, { firstDelayMs: 0, intervalMs: 5000 });
    await vi.advanceTimersByTimeAsync(40_000);
    stop();
    expect(most).toBe(1);
    // Each run takes 12 s and the next starts 5 s after it ends: 0, 17, 34 s.
    expect(run).toHaveBeenCalledTimes(3);
  });

  it("logs a failed run and keeps going", async () => {
    const log = vi.fn();
    const run = vi.fn().mockRejectedValueOnce(new Error("db down")).mockResolvedValue(undefined);
    const stop = startMaintenance(run, { firstDelayMs: 0, intervalMs: 1000, log });
    await vi.advanceTimersByTimeAsync(1500);
    stop();
    expect(log).toHaveBeenCalledWith("maintenance run failed", expect.any(Error));
    expect(run).toHaveBeenCalledTimes(2);
  });
});
