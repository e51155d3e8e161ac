import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { respondWithPage } from "@/lib/http/page-route";
import { fail } from "@/lib/result";
import { listSaved } from "@/lib/saves/queries";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import { getProfileView } from "@/lib/users/profile-queries";

type Context = { params: Promise<{ username: string }> };

/**
 * GET ?cursor=: the next page of the signed-in owner's saved posts as JSON Page<GridItem>.
 * Saved posts are private: 401 signed out, 403 for anyone but the owner.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const { username } = await params;
  return respondWithPage(request, "saved page", async (cursor) => {
    const viewer = await getCurrentUser();
    if (!viewer) return fail("UNAUTHENTICATED", "Sign in to continue.");
    const db = getDb();
    const profile = await getProfileView(db, username, viewer.id);
    if (!profile) return fail("NOT_FOUND", USER_NOT_FOUND);
    if (profile.id !== viewer.id) return fail("FORBIDDEN", "Only you can see what you saved.");
    return listSaved(db, { userId: viewer.id, cursor });
  });
}
