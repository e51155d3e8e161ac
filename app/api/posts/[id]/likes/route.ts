import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { findVisiblePost, listLikers } from "@/lib/likes/queries";
import { POST_NOT_FOUND } from "@/lib/likes/validation";
import { postIdSchema } from "@/lib/posts/validation";
import { fail } from "@/lib/result";

/** GET ?cursor=: the next page of the people who liked a post, newest first, Page<PersonView>. */
export const GET = apiRoute<{ id: string }>(
  { label: "likers page", viewer: "optional", cursor: true },
  async ({ params, viewer, cursor }) => {
    const db = getDb();
    const postId = postIdSchema.safeParse(params.id);
    if (!postId.success || !(await findVisiblePost(db, postId.data))) {
      return fail("NOT_FOUND", POST_NOT_FOUND);
    }
    return listLikers(db, { postId: postId.data, viewerId: viewer?.id ?? null, cursor });
  },
);
