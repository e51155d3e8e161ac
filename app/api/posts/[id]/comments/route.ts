import { listComments } from "@/lib/comments/queries";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { findVisiblePost } from "@/lib/likes/queries";
import { POST_NOT_FOUND } from "@/lib/likes/validation";
import { postIdSchema } from "@/lib/posts/validation";
import { fail } from "@/lib/result";

/** GET ?cursor=: the next page of a post's comments, newest first, as JSON Page<CommentView>. */
export const GET = apiRoute<{ id: string }>(
  { label: "comments page", viewer: "optional", cursor: true },
  async ({ params, viewer, cursor }) => {
    const db = getDb();
    const postId = postIdSchema.safeParse(params.id);
    if (!postId.success || !(await findVisiblePost(db, postId.data))) {
      return fail("NOT_FOUND", POST_NOT_FOUND);
    }
    return listComments(db, { postId: postId.data, viewerId: viewer?.id ?? null, cursor });
  },
);
