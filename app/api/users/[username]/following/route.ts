import { getDb } from "@/lib/db";
import { listFollowing } from "@/lib/follows/queries";
import { USER_NOT_FOUND } from "@/lib/follows/validation";
import { apiRoute } from "@/lib/http/api-route";
import { fail } from "@/lib/result";
import { getProfileView } from "@/lib/users/profile-queries";

/** GET ?cursor=: the next page of an account's following, newest first, as JSON Page<PersonView>. */
export const GET = apiRoute<{ username: string }>(
  { label: "following page", viewer: "optional", cursor: true },
  async ({ params, viewer, cursor }) => {
    const db = getDb();
    const viewerId = viewer?.id ?? null;
    // getProfileView answers null for a malformed name, a missing or a suspended account.
    const profile = await getProfileView(db, params.username, viewerId);
    if (!profile) return fail("NOT_FOUND", USER_NOT_FOUND);
    return listFollowing(db, { userId: profile.id, viewerId, cursor });
  },
);
