import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { listRecentSearches, searchTypeahead } from "@/lib/search/queries";

/**
 * GET ?q=: the typeahead as JSON { users, tags }; with an empty q, the viewer's recent searches
 * too ({ users: [], tags: [], recent }). Any q is accepted (garbage finds nothing).
 */
export const GET = apiRoute({ label: "search", viewer: "required" }, async ({ viewer, search }) => {
  const q = search.get("q") ?? "";
  const db = getDb();
  return q.trim()
    ? searchTypeahead(db, { q, viewerId: viewer.id })
    : { users: [], tags: [], recent: await listRecentSearches(db, viewer.id) };
});
