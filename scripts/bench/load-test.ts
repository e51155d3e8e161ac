// A small HTTP load generator (autocannon is not a dependency): `connections` keep-alive
// sockets, each sending its next request as soon as the last answer is read, for `durationMs`,
// to one URL or in turn to each of many.
import http from "node:http";
import { performance } from "node:perf_hooks";

export type LoadResult = {
  requests: number;
  /** answers that were not 200, and network errors */
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

export type Target = { url: string; headers?: Record<string, string> };

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

function request(agent: http.Agent, target: Target): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(target.url, { agent, headers: target.headers }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", () => resolve(0));
    });
    req.setTimeout(30_000, () => req.destroy());
    req.on("error", () => resolve(0));
  });
}

/** Runs the load (cycling through `targets`) and returns throughput and latency percentiles (ms). */
export async function runLoad(
  targets: Target | Target[],
  opts: { connections: number; durationMs: number },
): Promise<LoadResult> {
  const list = Array.isArray(targets) ? targets : [targets];
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + opts.durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const target = list[next++ % list.length];
      if (!target) break;
      const t0 = performance.now();
      const status = await request(agent, target);
      const t1 = performance.now();
      // Every request started inside the window counts, the last ones finish just after it.
      latencies.push(t1 - t0);
      if (status !== 200) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}
