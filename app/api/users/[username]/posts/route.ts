import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { respondWithPage } from "@/lib/http/page-route";
import { listProfileGrid } from "@/lib/posts/queries";
import { fail } from "@/lib/result";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import { getProfileView } from "@/lib/users/profile-queries";

type Context = { params: Promise<{ username: string }> };

/** GET ?cursor=: the next page of a profile's grid as JSON Page<GridItem> (infinite scroll). */
export async function GET(request: NextRequest, { params }: Context) {
  const { username } = await params;
  return respondWithPage(request, "profile grid page", async (cursor) => {
    const db = getDb();
    const profile = await getProfileView(db, username, (await getCurrentUser())?.id ?? null);
    if (!profile) return fail("NOT_FOUND", USER_NOT_FOUND);
    return listProfileGrid(db, { userId: profile.id, cursor });
  });
}
