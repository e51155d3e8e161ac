import "./helpers/next-runtime";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as likeRoute } from "@/app/api/posts/[id]/like/route";
import { POST as saveRoute } from "@/app/api/posts/[id]/save/route";
import { likes, posts, saves } from "@/db/schema";
import { actAs, ROLES, type Role, roleUsers } from "./helpers/action-cases";
import { setupActionHarness } from "./helpers/actions";
import { postToPostRoute } from "./helpers/routes";
import { insertPost } from "./helpers/social";

// Likes and saves through their JSON routes (what the like and save buttons call, with fetch
// keepalive): the session decides who acts, the body is checked, other sites are refused, and
// nothing a client sends causes a 500.
const h = setupActionHarness();
const call = postToPostRoute;
type Route = typeof likeRoute;

async function rows(table: typeof likes | typeof saves, userId: string, postId: string) {
  return h
    .db()
    .select()
    .from(table)
    .where(and(eq(table.userId, userId), eq(table.postId, postId)));
}

describe("POST /api/posts/<id>/like and /save", () => {
  const expected: Record<Role, number> = {
    anonymous: 401,
    owner: 200,
    other: 200,
    suspended: 401,
    moderator: 200,
    admin: 200,
  };
  for (const role of ROLES) {
    it(`likes and saves as the signed-in ${role}: ${expected[role]}`, async () => {
      const u = await roleUsers(h);
      const postId = await insertPost(h.db(), u.owner.id);
      await actAs(h, u, role);
      const liked = await call(likeRoute, postId, { liked: true });
      const saved = await call(saveRoute, postId, { saved: true });
      expect(liked.status).toBe(expected[role]);
      expect(saved.status).toBe(expected[role]);
      if (expected[role] !== 200) {
        expect(await h.db().select().from(likes)).toHaveLength(0);
        expect(await h.db().select().from(saves)).toHaveLength(0);
        return;
      }
      expect(await liked.json()).toEqual({ liked: true, likeCount: 1, likeCountHidden: false });
      expect(await saved.json()).toEqual({ saved: true });
      const actor = u[role as Exclude<Role, "anonymous">];
      expect(await rows(likes, actor.id, postId)).toHaveLength(1);
      expect(await rows(saves, actor.id, postId)).toHaveLength(1);
      const [post] = await h.db().select().from(posts).where(eq(posts.id, postId));
      expect(post?.likeCount).toBe(1);
    });
  }

  it("unlikes and unsaves; the count follows", async () => {
    const u = await roleUsers(h);
    const postId = await insertPost(h.db(), u.owner.id);
    await actAs(h, u, "other");
    await call(likeRoute, postId, { liked: true });
    await call(saveRoute, postId, { saved: true });
    expect(await (await call(likeRoute, postId, { liked: false })).json()).toEqual({
      liked: false,
      likeCount: 0,
      likeCountHidden: false,
    });
    expect(await (await call(saveRoute, postId, { saved: false })).json()).toEqual({
      saved: false,
    });
    expect(await rows(likes, u.other.id, postId)).toHaveLength(0);
    expect(await rows(saves, u.other.id, postId)).toHaveLength(0);
  });

  it("refuses bad input with a 4xx naming the problem, and changes nothing", async () => {
    const u = await roleUsers(h);
    const postId = await insertPost(h.db(), u.owner.id);
    await actAs(h, u, "other");
    const cases: [Route, string, unknown, number][] = [
      [likeRoute, postId, {}, 400],
      [likeRoute, postId, { liked: "yes" }, 400],
      [saveRoute, postId, "not json", 400],
      [saveRoute, postId, { saved: true, padding: "x".repeat(600) }, 400],
      [likeRoute, "42", { liked: true }, 400],
      [likeRoute, "01a23482-dd11-7853-9cee-45208e1f2dec", { liked: true }, 404],
    ];
    for (const [route, id, body, status] of cases) {
      const res = await call(route, id, body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(status);
      const answer = (await res.json()) as { ok: boolean; message: string };
      expect(answer.ok).toBe(false);
      expect(answer.message.length).toBeGreaterThan(0);
    }
    const liked = await call(likeRoute, postId, {});
    expect(((await liked.json()) as { message: string }).message).toMatch(/like or unlike/);
    expect(await h.db().select().from(likes)).toHaveLength(0);
    expect(await h.db().select().from(saves)).toHaveLength(0);
  });

  it("refuses requests from other sites (no or foreign Origin) with 403", async () => {
    const u = await roleUsers(h);
    const postId = await insertPost(h.db(), u.owner.id);
    await actAs(h, u, "other");
    const foreign = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    expect((await call(likeRoute, postId, { liked: true }, foreign)).status).toBe(403);
    expect((await call(saveRoute, postId, { saved: true }, { origin: "" })).status).toBe(403);
    expect(await h.db().select().from(likes)).toHaveLength(0);
    expect(await h.db().select().from(saves)).toHaveLength(0);
  });
});
