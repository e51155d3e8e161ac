import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { listProfileGrid } from "@/lib/posts/queries";
import { fail } from "@/lib/result";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import { getProfileView } from "@/lib/users/queries-profile";

/** GET ?cursor=: the next page of a profile's grid as JSON Page<GridItem> (infinite scroll). */
export const GET = apiRoute<{ username: string }>(
  { label: "profile grid page", viewer: "optional", cursor: true },
  async ({ params, viewer, cursor }) => {
    const db = getDb();
    const viewerId = viewer?.id ?? null;
    const profile = await getProfileView(db, params.username, viewerId);
    if (!profile) return fail("NOT_FOUND", USER_NOT_FOUND);
    return listProfileGrid(db, { userId: profile.id, viewerId, cursor });
  },
);
