import { afterEach, describe, expect, it, vi } from "vitest";

// GET /api/bench/ping is the benches' trivial route: a deployment never serves it.

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function ping(flag: string | undefined) {
  vi.resetModules();
  if (flag === undefined) delete process.env.BENCH_ROUTES;
  else process.env.BENCH_ROUTES = flag;
  const { GET } = await import("@/app/api/bench/ping/route");
  return GET();
}

describe("GET /api/bench/ping", () => {
  it.each([undefined, "", "false", "0"])("answers 404 with BENCH_ROUTES=%s", async (flag) => {
    const res = await ping(flag);
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it.each(["true", "1"])("answers { ok: true } with BENCH_ROUTES=%s", async (flag) => {
    const res = await ping(flag);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
