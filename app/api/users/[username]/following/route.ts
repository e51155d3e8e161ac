import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listFollowing } from "@/lib/follows/queries";
import { respondWithPage } from "@/lib/http/page-route";
import { fail } from "@/lib/result";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import { getProfileView } from "@/lib/users/profile-queries";

type Context = { params: Promise<{ username: string }> };

/** GET ?cursor=: the next page of an account's following, newest first, as JSON Page<PersonView>. */
export async function GET(request: NextRequest, { params }: Context) {
  const { username } = await params;
  return respondWithPage(request, "following page", async (cursor) => {
    const db = getDb();
    const viewerId = (await getCurrentUser())?.id ?? null;
    // getProfileView answers null for a malformed name, a missing or a suspended account.
    const profile = await getProfileView(db, username, viewerId);
    if (!profile) return fail("NOT_FOUND", USER_NOT_FOUND);
    return listFollowing(db, { userId: profile.id, viewerId, cursor });
  });
}
