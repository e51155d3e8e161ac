import { tokenMatches } from "@/lib/deploy/deep-health";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * Deep health for operators and the deploy smoke test: sharp and argon2 run inside this very
 * bundle. Needs the HEALTH_TOKEN in the x-health-token header; 404 when unset or wrong.
 */
export async function GET(request: Request) {
  const headers = { "Cache-Control": "no-store" };
  if (!tokenMatches(env.HEALTH_TOKEN, request.headers.get("x-health-token"))) {
    return Response.json({ error: "not found" }, { status: 404, headers });
  }
  const { checkNativeParts } = await import("@/lib/deploy/deep-health");
  const result = await checkNativeParts();
  return Response.json(
    { status: result.ok ? "ok" : "failed", ...result },
    { status: result.ok ? 200 : 503, headers },
  );
}
