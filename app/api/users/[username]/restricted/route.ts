import { isRestrictedBy } from "@/lib/comments/queries-restrict";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { fail } from "@/lib/result";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import { getProfileView } from "@/lib/users/queries-profile";

/**
 * GET: whether the signed-in viewer restricted this account, { restricted }, for the profile's
 * Restrict button (asked when it opens). 401 signed out, 404 for no account.
 */
export const GET = apiRoute<{ username: string }>(
  { label: "restrict state", viewer: "required" },
  async ({ params, viewer }) => {
    const db = getDb();
    const profile = await getProfileView(db, params.username, viewer.id);
    if (!profile) return fail("NOT_FOUND", USER_NOT_FOUND);
    return { restricted: await isRestrictedBy(db, viewer.id, profile.id) };
  },
);
