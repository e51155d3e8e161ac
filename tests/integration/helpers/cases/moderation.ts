import { and, eq } from "drizzle-orm";
import { posts, reports } from "@/db/schema";
import { decideAction, reportAction } from "@/lib/moderation/actions";
import { fileReport } from "@/lib/moderation/service";
import type { ActionCase } from "../action-cases";
import { insertPost } from "../social";
import { exists } from "./social";

// Reports are filed by anyone signed in, for themselves; decisions belong to moderators and
// admins alone (the role is read from the database, not from the session cookie).

export const moderationCases: Record<string, ActionCase> = {
  "moderation/actions:reportAction": {
    action: reportAction,
    arrange: async (w) => ({
      targetType: "post",
      targetId: await insertPost(w.h.db(), w.third.id),
      reason: "spam",
    }),
    changed: (w) => exists(w, reports, eq(reports.reporterId, w.owner.id)),
    matrix: {
      anonymous: "UNAUTHENTICATED",
      owner: "changes",
      other: "own",
      suspended: "UNAUTHENTICATED",
      moderator: "own",
      admin: "own",
    },
    bad: [
      { input: (_w, good) => ({ ...(good as object), reason: "boring" }), field: "reason" },
      { input: (_w, good) => ({ ...(good as object), targetType: "photo" }), field: "targetType" },
      { input: (_w, good) => ({ ...(good as object), targetId: "x" }), field: "targetId" },
      {
        input: (_w, good) => ({ ...(good as object), details: "x".repeat(501) }),
        field: "details",
      },
    ],
  },

  "moderation/actions:decideAction": {
    action: decideAction,
    // A third person's post, reported: only moderators and admins may take it down.
    async arrange(w) {
      const targetId = await insertPost(w.h.db(), w.third.id);
      const r = await fileReport(w.h.db(), w.other.id, {
        targetType: "post",
        targetId,
        reason: "spam",
        details: "",
      });
      if (!r.ok) throw new Error(r.message);
      return { targetType: "post", targetId, decision: "remove" };
    },
    changed: (w, input) =>
      exists(
        w,
        posts,
        and(eq(posts.id, (input as { targetId: string }).targetId), eq(posts.status, "removed")),
      ),
    matrix: {
      anonymous: "UNAUTHENTICATED",
      owner: "FORBIDDEN",
      other: "FORBIDDEN",
      suspended: "UNAUTHENTICATED",
      moderator: "changes",
      admin: "changes",
    },
    bad: [
      { input: (_w, good) => ({ ...(good as object), decision: "burn" }), field: "decision" },
      { input: (_w, good) => ({ ...(good as object), targetId: "nope" }), field: "targetId" },
      { input: (_w, good) => ({ ...(good as object), note: "x".repeat(501) }), field: "note" },
    ],
  },
};
