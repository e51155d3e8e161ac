// The cheapest route handler there is (no session read, no database): `npm run bench:feed`
// compares the feed's throughput with it on the same server.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
