import { and, eq } from "drizzle-orm";
import { blocks, mutes } from "@/db/schema";
import { setBlockAction, setMuteAction } from "@/lib/relations/actions";
import { setBlock } from "@/lib/relations/service";
import { type ActionCase, signedInMatrix } from "../action-cases";
import { exists } from "./social";

// Blocks and mutes belong to the signed-in user: another user's call only ever touches their own.

export const relationCases: Record<string, ActionCase> = {
  "relations/actions:setBlockAction": {
    action: setBlockAction,
    // The owner blocked third; the call unblocks.
    async arrange(w) {
      const r = await setBlock(w.h.db(), w.owner.id, { userId: w.third.id, blocked: true });
      if (!r.result.ok) throw new Error(JSON.stringify(r.result));
      return { userId: w.third.id, blocked: false };
    },
    changed: async (w) =>
      !(await exists(
        w,
        blocks,
        and(eq(blocks.blockerId, w.owner.id), eq(blocks.blockedId, w.third.id)),
      )),
    matrix: signedInMatrix("changes", "own"),
    bad: [
      { input: () => ({ userId: "ana", blocked: true }), field: "userId" },
      { input: (w) => ({ userId: w.third.id }), field: "blocked" },
    ],
  },

  "relations/actions:setMuteAction": {
    action: setMuteAction,
    // Nobody muted third yet; the call mutes their posts.
    async arrange(w) {
      return { userId: w.third.id, posts: true, comments: false };
    },
    changed: async (w) =>
      exists(w, mutes, and(eq(mutes.muterId, w.owner.id), eq(mutes.mutedId, w.third.id))),
    matrix: signedInMatrix("changes", "own"),
    bad: [
      { input: (w) => ({ userId: w.third.id, posts: "yes", comments: false }), field: "posts" },
      { input: (w) => ({ userId: w.third.id, posts: true }), field: "comments" },
    ],
  },
};
