import { and, eq, isNotNull } from "drizzle-orm";
import { commentLikes, comments } from "@/db/schema";
import { setCommentLikeAction, setCommentPinAction } from "@/lib/comments/actions-reactions";
import { addComment } from "@/lib/comments/service";
import { setCommentLike } from "@/lib/comments/service-reactions";
import { type ActionCase, signedInMatrix, type World } from "../action-cases";
import { insertPost } from "../social";
import { exists } from "./social";

// Hearts on comments (each person's own heart) and pins (only the post's author).

async function commentBy(w: World, postAuthor = w.third, author = w.third) {
  const postId = await insertPost(w.h.db(), postAuthor.id);
  const { result } = await addComment(w.h.db(), w.h.storage, author.id, { postId, body: "Nice" });
  if (!result.ok) throw new Error("arrange failed");
  return result.data.comment.id;
}

export const commentReactionCases: Record<string, ActionCase> = {
  "comments/actions-reactions:setCommentLikeAction": {
    action: setCommentLikeAction,
    // The owner's heart on third's comment exists; the call takes it back.
    async arrange(w) {
      const commentId = await commentBy(w);
      const { result } = await setCommentLike(w.h.db(), w.owner.id, { commentId, liked: true });
      if (!result.ok) throw new Error("arrange failed");
      return { commentId, liked: false };
    },
    changed: async (w, input) =>
      !(await exists(
        w,
        commentLikes,
        and(
          eq(commentLikes.userId, w.owner.id),
          eq(commentLikes.commentId, (input as { commentId: string }).commentId),
        ),
      )),
    matrix: signedInMatrix("changes", "own"),
    bad: [
      { input: (_w, good) => ({ ...(good as object), commentId: "42" }), field: "commentId" },
      {
        input: (_w, good) => ({ commentId: (good as { commentId: string }).commentId }),
        field: "liked",
      },
    ],
  },

  "comments/actions-reactions:setCommentPinAction": {
    action: setCommentPinAction,
    // A comment by third on the owner's post; the call pins it.
    async arrange(w) {
      return { commentId: await commentBy(w, w.owner), pinned: true };
    },
    changed: (w, input) =>
      exists(
        w,
        comments,
        and(
          eq(comments.id, (input as { commentId: string }).commentId),
          isNotNull(comments.pinnedAt),
        ),
      ),
    matrix: signedInMatrix("changes", "FORBIDDEN"),
    bad: [
      { input: (_w, good) => ({ ...(good as object), commentId: "c-1" }), field: "commentId" },
      {
        input: (_w, good) => ({ commentId: (good as { commentId: string }).commentId }),
        field: "pinned",
      },
    ],
  },
};
