import { env } from "@/lib/env";

// The cheapest route handler there is (no session read, no database): `npm run bench:feed` and
// `bench:discover` compare their routes' throughput with it on the same server. Served only when
// BENCH_ROUTES is on (scripts/bench/server.ts sets it); everywhere else it answers 404.
export const dynamic = "force-dynamic";

export function GET() {
  const headers = { "Cache-Control": "no-store" };
  if (!env.BENCH_ROUTES) return Response.json({ error: "not found" }, { status: 404, headers });
  return Response.json({ ok: true }, { headers });
}
