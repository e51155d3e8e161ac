import { listReplies, postOfComment } from "@/lib/comments/queries-replies";
import { COMMENT_NOT_FOUND } from "@/lib/comments/validation";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { findVisiblePost } from "@/lib/posts/visibility";
import { fail } from "@/lib/result";

/**
 * GET ?cursor=: the next page of a comment's replies, oldest first, as JSON Page<CommentView>.
 * 404 unless the viewer may see the comment's post (not across a block, a private account's post
 * only for its followers).
 */
export const GET = apiRoute<{ id: string }>(
  { label: "replies page", viewer: "optional", cursor: true },
  async ({ params, viewer, cursor }) => {
    const db = getDb();
    const viewerId = viewer?.id ?? null;
    const commentId = params.id;
    const postId = /^[0-9a-f-]{36}$/i.test(commentId) ? await postOfComment(db, commentId) : null;
    if (!postId || !(await findVisiblePost(db, postId, viewerId))) {
      return fail("NOT_FOUND", COMMENT_NOT_FOUND);
    }
    return listReplies(db, { commentId, viewerId, cursor });
  },
);
