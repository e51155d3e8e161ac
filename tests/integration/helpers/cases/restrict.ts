import { and, eq } from "drizzle-orm";
import { comments, restricts } from "@/db/schema";
import { approveCommentAction, setRestrictAction } from "@/lib/comments/actions-restrict";
import { addComment } from "@/lib/comments/service";
import { setRestrict } from "@/lib/comments/service-restrict";
import { type ActionCase, signedInMatrix } from "../action-cases";
import { insertPost } from "../social";
import { exists } from "./social";

// Restrict: each account restricts for itself; only a post's author approves its comments.

export const restrictCases: Record<string, ActionCase> = {
  "comments/actions-restrict:setRestrictAction": {
    action: setRestrictAction,
    arrange: async (w) => ({ userId: w.third.id, restricted: true }),
    changed: (w) =>
      exists(
        w,
        restricts,
        and(eq(restricts.ownerId, w.owner.id), eq(restricts.restrictedId, w.third.id)),
      ),
    matrix: signedInMatrix("changes", "own"),
    bad: [
      { input: () => ({ userId: "ana", restricted: true }), field: "userId" },
      { input: (w) => ({ userId: w.third.id }), field: "restricted" },
      { input: (w) => ({ userId: w.owner.id, restricted: true }), field: "userId" },
    ],
  },

  "comments/actions-restrict:approveCommentAction": {
    action: approveCommentAction,
    // A comment by "third", whom the owner restricted, awaiting the owner's approval.
    async arrange(w) {
      const postId = await insertPost(w.h.db(), w.owner.id);
      await setRestrict(w.h.db(), w.owner.id, { userId: w.third.id, restricted: true });
      const { result } = await addComment(w.h.db(), w.h.storage, w.third.id, {
        postId,
        body: "Awaiting",
      });
      if (!result.ok) throw new Error("arrange failed");
      return { commentId: result.data.comment.id };
    },
    changed: (w, input) =>
      exists(
        w,
        comments,
        and(
          eq(comments.id, (input as { commentId: string }).commentId),
          eq(comments.pendingApproval, false),
        ),
      ),
    matrix: signedInMatrix("changes", "FORBIDDEN"),
    bad: [{ input: () => ({ commentId: "c-1" }), field: "commentId" }],
  },
};
