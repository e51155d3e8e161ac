import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listFeedPage } from "@/lib/feed/queries";
import { respondWithPage } from "@/lib/http/page-route";
import { timed } from "@/lib/observability/metrics";
import { fail } from "@/lib/result";

/** GET ?cursor=: the next page of the signed-in viewer's home feed as JSON Page<FeedPost>. */
export function GET(request: NextRequest) {
  return respondWithPage(request, "feed page", async (cursor) => {
    const viewer = await getCurrentUser();
    if (!viewer) return fail("UNAUTHENTICATED", "Sign in to continue.");
    return timed("FeedPageTime", () => listFeedPage(getDb(), { viewerId: viewer.id, cursor }));
  });
}
