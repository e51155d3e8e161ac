import { findListedComment } from "@/lib/comments/queries";
import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { findVisiblePost } from "@/lib/posts/visibility";
import { fail } from "@/lib/result";
import { POST_NOT_FOUND, postIdSchema } from "@/lib/shared/ids";

const COMMENT_NOT_FOUND = "This comment doesn't exist or was removed.";

/**
 * GET: one comment as the viewer's comment list would show it (a CommentView), 404 otherwise.
 * A live `comment.added` event carries only the comment's id; each open page fetches it here with
 * its own session, so blocks, mutes, restrict and private accounts are checked per viewer.
 */
export const GET = apiRoute<{ id: string; commentId: string }>(
  { label: "comment", viewer: "optional" },
  async ({ params, viewer }) => {
    const db = getDb();
    const viewerId = viewer?.id ?? null;
    const postId = postIdSchema.safeParse(params.id);
    if (!postId.success || !(await findVisiblePost(db, postId.data, viewerId))) {
      return fail("NOT_FOUND", POST_NOT_FOUND);
    }
    const commentId = postIdSchema.safeParse(params.commentId);
    const comment = commentId.success
      ? await findListedComment(db, { postId: postId.data, commentId: commentId.data, viewerId })
      : null;
    return comment ?? fail("NOT_FOUND", COMMENT_NOT_FOUND);
  },
);
