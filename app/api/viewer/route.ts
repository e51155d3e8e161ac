import { apiRoute } from "@/lib/http/api-route";

/**
 * GET: who the session belongs to now, `{ id }` (null signed out). A page restored from the
 * back/forward cache asks, and reloads when the answer is not the viewer it was rendered for.
 */
export const GET = apiRoute(
  { label: "viewer", viewer: "optional", cache: { success: "no-store", failure: "no-store" } },
  async ({ viewer }) => ({ id: viewer?.id ?? null }),
);
