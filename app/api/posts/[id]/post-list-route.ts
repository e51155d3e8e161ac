import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { findVisiblePost } from "@/lib/likes/queries";
import { POST_NOT_FOUND } from "@/lib/likes/validation";
import { postIdSchema } from "@/lib/posts/validation";
import { fail } from "@/lib/result";

type PostList = (
  db: ReturnType<typeof getDb>,
  params: { postId: string; viewerId: string | null; cursor?: string },
) => Promise<object | null>;

/** A `GET ?cursor=` list of one post (comments, likers): 404 unless the post is visible. */
export function postListRoute(label: string, list: PostList) {
  return apiRoute<{ id: string }>(
    { label, viewer: "optional", cursor: true },
    async ({ params, viewer, cursor }) => {
      const db = getDb();
      const postId = postIdSchema.safeParse(params.id);
      if (!postId.success || !(await findVisiblePost(db, postId.data))) {
        return fail("NOT_FOUND", POST_NOT_FOUND);
      }
      return list(db, { postId: postId.data, viewerId: viewer?.id ?? null, cursor });
    },
  );
}
