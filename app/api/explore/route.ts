import { getDb } from "@/lib/db";
import { listExplorePage } from "@/lib/discover/queries";
import { apiRoute } from "@/lib/http/api-route";

/** GET ?cursor=: the next page of the viewer's explore grid as JSON Page<GridItem>. */
export const GET = apiRoute(
  { label: "explore page", viewer: "required", cursor: true },
  ({ viewer, cursor }) => listExplorePage(getDb(), { viewerId: viewer.id, cursor }),
);
