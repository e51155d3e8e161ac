import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { respondWithPage } from "@/lib/http/page-route";
import { listLikers } from "@/lib/likes/queries";
import { findVisiblePost } from "@/lib/posts/visibility";
import { fail } from "@/lib/result";
import { POST_NOT_FOUND, postIdSchema } from "@/lib/shared/ids";

type Context = { params: Promise<{ id: string }> };

/** GET ?cursor=: the next page of the people who liked a post, newest first, Page<PersonView>. */
export async function GET(request: NextRequest, { params }: Context) {
  const postId = postIdSchema.safeParse((await params).id);
  return respondWithPage(request, "likers page", async (cursor) => {
    const db = getDb();
    if (!postId.success || !(await findVisiblePost(db, postId.data))) {
      return fail("NOT_FOUND", POST_NOT_FOUND);
    }
    const viewer = await getCurrentUser();
    return listLikers(db, { postId: postId.data, viewerId: viewer?.id ?? null, cursor });
  });
}
