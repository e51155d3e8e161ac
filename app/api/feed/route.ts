import { getDb } from "@/lib/db";
import { listFeedPage } from "@/lib/feed/queries";
import { apiRoute } from "@/lib/http/api-route";
import { timed } from "@/lib/observability/metrics";

/** GET ?cursor=: the next page of the signed-in viewer's home feed as JSON Page<FeedPost>. */
export const GET = apiRoute(
  { label: "feed page", viewer: "required", cursor: true },
  ({ viewer, cursor }) =>
    timed("FeedPageTime", () => listFeedPage(getDb(), { viewerId: viewer.id, cursor })),
);
