import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { listProfileGrid } from "@/lib/posts/queries";
import { fail } from "@/lib/result";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import { PRIVATE_ACCOUNT } from "@/lib/shared/private-accounts";
import { getProfileView } from "@/lib/users/queries-profile";

/**
 * GET ?cursor=: the next page of a profile's grid as JSON Page<GridItem> (infinite scroll); 403
 * for a private account the viewer does not follow.
 */
export const GET = apiRoute<{ username: string }>(
  { label: "profile grid page", viewer: "optional", cursor: true },
  async ({ params, viewer, cursor }) => {
    const db = getDb();
    const viewerId = viewer?.id ?? null;
    const profile = await getProfileView(db, params.username, viewerId);
    if (!profile) return fail("NOT_FOUND", USER_NOT_FOUND);
    // A blocker sees the blocked account's header only; a private account's posts need a follow.
    if (profile.viewerBlocks) return { items: [], nextCursor: null };
    if (!profile.viewerCanSeePosts) return fail("FORBIDDEN", PRIVATE_ACCOUNT);
    return listProfileGrid(db, { userId: profile.id, viewerId, cursor });
  },
);
