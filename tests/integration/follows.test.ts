import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { isFollowing, listFollowers, listFollowing, suggestPeople } from "@/lib/follows/queries";
import { setFollow } from "@/lib/follows/service";
import { walkPages } from "./helpers/pages";
import { MISSING_POST, urls, withSocialDatabase } from "./helpers/social";

const { db, insertUsers, insertUser, userCounts, countRows } = withSocialDatabase();
const follow = (from: string, to: string, at?: Date) =>
  setFollow(db(), from, { userId: to, follow: true }, at).then((r) => r.result);

describe("setFollow", () => {
  it("follows and unfollows, keeping both counters exact", async () => {
    const [ana, ben, cat] = await insertUsers(3);
    const a = ana.id;
    const b = ben.id;
    const c = cat.id;
    expect(await follow(a, b)).toEqual({
      ok: true,
      data: { following: true, requested: false, followerCount: 1 },
    });
    expect(await follow(c, b)).toEqual({
      ok: true,
      data: { following: true, requested: false, followerCount: 2 },
    });
    expect(await follow(b, a)).toEqual({
      ok: true,
      data: { following: true, requested: false, followerCount: 1 },
    });
    expect(await isFollowing(db(), a, b)).toBe(true);
    expect(await userCounts(b)).toEqual({ followerCount: 2, followingCount: 1 });
    expect(await userCounts(a)).toEqual({ followerCount: 1, followingCount: 1 });

    const off = (await setFollow(db(), a, { userId: b, follow: false })).result;
    expect(off).toEqual({
      ok: true,
      data: { following: false, requested: false, followerCount: 1 },
    });
    expect(await isFollowing(db(), a, b)).toBe(false);
    expect(await userCounts(a)).toEqual({ followerCount: 1, followingCount: 0 });
  });

  it("is idempotent: repeating a follow or an unfollow changes nothing", async () => {
    const [ana, ben] = await insertUsers(2);
    for (let i = 0; i < 3; i++) {
      const r = await follow(ana.id, ben.id);
      expect(r).toEqual({
        ok: true,
        data: { following: true, requested: false, followerCount: 1 },
      });
    }
    expect(await userCounts(ana.id)).toEqual({ followerCount: 0, followingCount: 1 });
    for (let i = 0; i < 3; i++) {
      const r = (await setFollow(db(), ana.id, { userId: ben.id, follow: false })).result;
      expect(r).toEqual({
        ok: true,
        data: { following: false, requested: false, followerCount: 0 },
      });
    }
    expect(await userCounts(ana.id)).toEqual({ followerCount: 0, followingCount: 0 });
    expect(await countRows("follows")).toBe(0);
  });

  it("refuses following yourself", async () => {
    const ana = await insertUser();
    const result = await follow(ana.id, ana.id);
    expect(result).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "You can't follow yourself.",
    });
    expect(await countRows("follows")).toBe(0);
  });

  it.each([
    ["a missing account", async () => MISSING_POST],
    ["a suspended account", async () => (await insertUser("suspended")).id],
  ])("refuses %s with NOT_FOUND and changes nothing", async (_, make) => {
    const ana = await insertUser();
    const target = await make();
    const result = await follow(ana.id, target);
    expect(result).toEqual({
      ok: false,
      code: "NOT_FOUND",
      message: "This account doesn't exist.",
    });
    expect(await countRows("follows")).toBe(0);
    expect(await userCounts(ana.id)).toEqual({ followerCount: 0, followingCount: 0 });
  });
});

describe("listFollowers and listFollowing", () => {
  it("walk 23 follows sharing one created_at without duplicates or gaps", async () => {
    const star = await insertUser();
    const fans = await insertUsers(23);
    const now = new Date("2025-03-01T12:00:00.000Z");
    for (const f of fans) await follow(f.id, star.id, now);
    for (const f of fans) await follow(star.id, f.id, now);
    const fanIds = fans.map((f) => f.id);
    for (const list of [listFollowers, listFollowing]) {
      const { ids: seen } = await walkPages((cursor) =>
        list(db(), { userId: star.id, viewerId: null, cursor, limit: 5 }, urls),
      );
      expect(seen).toEqual([...fanIds].sort().reverse());
    }
  });

  it("say whom the viewer follows, mark the viewer, hide suspended accounts", async () => {
    const [star, viewer, ana, ben] = await insertUsers(4);
    const eve = await insertUser();
    const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
    await follow(ana.id, star.id, t(1));
    await follow(ben.id, star.id, t(2));
    await follow(eve.id, star.id, t(3));
    await follow(viewer.id, star.id, t(4));
    await follow(viewer.id, ben.id, t(5));
    await db().update(users).set({ status: "suspended" }).where(eq(users.id, eve.id));
    const page = await listFollowers(db(), { userId: star.id, viewerId: viewer?.id ?? null }, urls);
    expect(page?.items.map((p) => [p.username, p.viewerFollows, p.isViewer])).toEqual([
      [viewer?.username, false, true],
      [ben?.username, true, false],
      [ana?.username, false, false],
    ]);
    const following = await listFollowing(db(), { userId: viewer.id, viewerId: null }, urls);
    expect(following?.items.map((p) => p.username)).toEqual([ben?.username, star?.username]);
  });

  it("answers null for a tampered cursor", async () => {
    const star = await insertUser();
    for (const cursor of ["%%%", "bm9wZQ", Buffer.from("1.0190").toString("base64url")]) {
      expect(await listFollowers(db(), { userId: star.id, viewerId: null, cursor }, urls)).toBe(
        null,
      );
      expect(await listFollowing(db(), { userId: star.id, viewerId: null, cursor }, urls)).toBe(
        null,
      );
    }
  });
});

describe("suggestPeople", () => {
  it("puts friends of friends first with a reason, then popular accounts", async () => {
    const [viewer, ana, ben, cat, dan, pop, quiet] = await insertUsers(7);
    const suspended = await insertUser("suspended");
    const id = (u: { id: string }) => u.id;
    const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
    // The viewer follows ana and ben; both follow cat, ben also follows dan and the suspended one.
    await follow(id(viewer), id(ana), t(1));
    await follow(id(viewer), id(ben), t(2));
    await follow(id(ana), id(cat), t(3));
    await follow(id(ben), id(cat), t(4));
    await follow(id(ben), id(dan), t(5));
    await follow(id(ben), id(viewer), t(6));
    await follow(id(ben), suspended.id, t(7));
    // pop has the most followers but is not followed by the viewer's friends.
    for (const u of [cat, dan, quiet]) await follow(id(u), id(pop));

    const people = await suggestPeople(db(), id(viewer), 10, urls);
    expect(people.map((p) => [p.username, p.reason])).toEqual([
      [cat?.username, `Followed by ${ben?.username} + 1 more`],
      [dan?.username, `Followed by ${ben?.username}`],
      [pop?.username, "Popular on Snapgram"],
      [quiet?.username, "Popular on Snapgram"],
    ]);
    expect(people.every((p) => !p.viewerFollows && !p.isViewer)).toBe(true);
    expect(await suggestPeople(db(), id(viewer), 1, urls)).toHaveLength(1);
  });
});
