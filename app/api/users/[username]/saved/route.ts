import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { fail } from "@/lib/result";
import { listSaved } from "@/lib/saves/queries";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import { getProfileView } from "@/lib/users/queries-profile";

/**
 * GET ?cursor=: the next page of the signed-in owner's saved posts as JSON Page<GridItem>.
 * Saved posts are private: 401 signed out, 403 for anyone but the owner.
 */
export const GET = apiRoute<{ username: string }>(
  { label: "saved page", viewer: "required", cursor: true },
  async ({ params, viewer, cursor }) => {
    const db = getDb();
    const profile = await getProfileView(db, params.username, viewer.id);
    if (!profile) return fail("NOT_FOUND", USER_NOT_FOUND);
    if (profile.id !== viewer.id) return fail("FORBIDDEN", "Only you can see what you saved.");
    return listSaved(db, { userId: viewer.id, cursor });
  },
);
