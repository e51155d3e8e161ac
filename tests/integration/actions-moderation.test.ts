import "./helpers/next-runtime";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts, users } from "@/db/schema";
import { decideAction } from "@/lib/moderation/actions";
import { runActionCases } from "./helpers/action-cases";
import { codeOf, setupActionHarness } from "./helpers/actions";
import { moderationCases } from "./helpers/cases/moderation";
import { insertPost } from "./helpers/social";

// Reports and decisions: every action through its real next-safe-action client, for every role
// (see helpers/action-cases.ts).
const h = setupActionHarness();

describe("moderation actions", () => {
  runActionCases(h, moderationCases);

  const removePost = async () => {
    const author = await h.user();
    const targetId = await insertPost(h.db(), author.id);
    return { targetType: "post", targetId, decision: "remove" };
  };
  const postStatus = async (id: string) =>
    (await h.db().select().from(posts).where(eq(posts.id, id)))[0]?.status;

  it("refuses a suspended moderator as signed out", async () => {
    const mod = await h.user({ role: "moderator", status: "suspended" });
    const input = await removePost();
    await h.signInAs(mod);
    expect(codeOf(await h.call(decideAction, input))).toBe("UNAUTHENTICATED");
    expect(await postStatus(input.targetId)).toBe("visible");
  });

  it("goes by the role in the database, not the one in the session cookie", async () => {
    const mod = await h.user({ role: "moderator" });
    const input = await removePost();
    await h.signInAs(mod);
    await h.db().update(users).set({ role: "user" }).where(eq(users.id, mod.id));
    expect(codeOf(await h.call(decideAction, input))).toBe("FORBIDDEN");
    expect(await postStatus(input.targetId)).toBe("visible");
  });
});
