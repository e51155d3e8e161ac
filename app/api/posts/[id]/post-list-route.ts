import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { findVisiblePost } from "@/lib/posts/visibility";
import { fail } from "@/lib/result";
import { POST_NOT_FOUND, postIdSchema } from "@/lib/shared/ids";

type PostList = (
  db: ReturnType<typeof getDb>,
  params: { postId: string; viewerId: string | null; cursor?: string },
) => Promise<object | null>;

/**
 * A `GET ?cursor=` list of one post (comments, likers): 404 unless the viewer may see the post (a
 * private account's post answers as missing to anyone but its author and followers).
 */
export function postListRoute(label: string, list: PostList) {
  return apiRoute<{ id: string }>(
    { label, viewer: "optional", cursor: true },
    async ({ params, viewer, cursor }) => {
      const db = getDb();
      const viewerId = viewer?.id ?? null;
      const postId = postIdSchema.safeParse(params.id);
      // Across a block, or a private account's post for a non-follower, the post does not exist,
      // for its lists too.
      if (!postId.success || !(await findVisiblePost(db, postId.data, viewerId))) {
        return fail("NOT_FOUND", POST_NOT_FOUND);
      }
      return list(db, { postId: postId.data, viewerId, cursor });
    },
  );
}
