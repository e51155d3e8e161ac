import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts } from "@/db/schema";
import { tagPage, trendingTags } from "@/lib/discover/queries";
import { postScore } from "@/lib/discover/ranking";
import { withTestDatabase } from "./helpers/db";
import { addPosts, hoursAgo, type NewPost, person, storage, suspend, T0 } from "./helpers/discover";

const database = withTestDatabase();

const db = () => database.db;
const times = (n: number, post: (i: number) => NewPost) =>
  Array.from({ length: n }, (_, i) => post(i));

describe("trendingTags", () => {
  it("ranks rising tags by growth over their 7-day baseline, then fills with popular ones", async () => {
    const a = await person(db());
    await addPosts(db(), [
      // #rising: 6 uses today, none before: (6 + 1) / (6/7 + 1) = 3.77
      ...times(6, (i) => ({ author: a.id, hoursAgo: i + 1, caption: "#rising" })),
      // #steady: 10 a day all week: (10 + 1) / (70/7 + 1) = 1
      ...times(70, (i) => ({ author: a.id, hoursAgo: 1 + (i % 7) * 24, caption: "#steady" })),
      // #quiet: 2 today, under the threshold of 3: not rising, but used (popular fill-in)
      ...times(2, () => ({ author: a.id, hoursAgo: 2, caption: "#quiet" })),
      // #old: much used, but a month ago
      ...times(8, () => ({ author: a.id, hoursAgo: 24 * 30, caption: "#old" })),
      // #hidden: only removed posts
      ...times(5, () => ({ author: a.id, hoursAgo: 1, caption: "#hidden", status: "removed" })),
    ]);
    const tags = await trendingTags(db(), { limit: 10, now: T0 });
    expect(tags.map((t) => [t.tag, t.rising])).toEqual([
      ["rising", true],
      ["steady", true],
      ["old", false],
      ["quiet", false],
    ]);
    expect(tags[0]).toMatchObject({ postCount: 6, uses24h: 6 });
    expect(tags[1]).toMatchObject({ postCount: 70, uses24h: 10 });
  });

  it("leaves out suspended authors and keeps a ranking for 10 minutes", async () => {
    const [a, b] = [await person(db()), await person(db())];
    await addPosts(db(), [
      ...times(3, () => ({ author: a.id, hoursAgo: 1, caption: "#one" })),
      ...times(9, () => ({ author: b.id, hoursAgo: 1, caption: "#two" })),
    ]);
    await suspend(db(), b.id);
    expect(
      (await trendingTags(db(), { now: T0 })).filter((t) => t.rising).map((t) => t.tag),
    ).toEqual(["one"]);
    await addPosts(
      db(),
      times(9, () => ({ author: a.id, hoursAgo: 0, caption: "#three" })),
    );
    const later = (m: number) => new Date(T0.getTime() + m * 60_000);
    const cached = await trendingTags(db(), { now: later(5) });
    expect(cached.some((t) => t.tag === "three")).toBe(false);
    const fresh = await trendingTags(db(), { now: later(10) });
    expect(fresh[0]?.tag).toBe("three");
  });
});

describe("tagPage", () => {
  it("answers the count, the top 9 by score and the recent posts newest first", async () => {
    const [me, a, banned] = [await person(db()), await person(db()), await person(db())];
    const list = times(14, (i) => ({
      author: i % 5 === 4 ? me.id : a.id,
      hoursAgo: 1 + i,
      likes: (i * 7) % 11,
      caption: `shot ${i} #Sunset`,
    }));
    const ids = await addPosts(db(), list);
    const [removed, ofBanned] = await addPosts(db(), [
      { author: a.id, hoursAgo: 0.5, caption: "#sunset", status: "removed" },
      { author: banned.id, hoursAgo: 0.5, caption: "#sunset" },
    ]);
    await suspend(db(), banned.id);
    const page = await tagPage(
      db(),
      { tag: "sunset", viewerId: me.id, now: T0, limit: 5 },
      storage,
    );
    expect(page?.tag).toBe("sunset");
    expect(page?.postCount).toBe(16);
    const byScore = list
      .map((p, i) => ({
        id: ids[i] ?? "",
        score: postScore(
          { likeCount: p.likes ?? 0, commentCount: 0, createdAt: hoursAgo(p.hoursAgo ?? 0) },
          T0,
        ),
      }))
      .sort((x, y) => y.score - x.score || (x.id < y.id ? 1 : -1))
      .map((p) => p.id);
    expect(page?.top.map((i) => i.id)).toEqual(byScore.slice(0, 9));
    expect(page?.recent.items.map((i) => i.id)).toEqual(ids.slice(0, 5));
    // Walk the rest: no duplicates, nothing removed or by a suspended author, no top on later pages.
    const seen = [...(page?.recent.items.map((i) => i.id) ?? [])];
    let cursor = page?.recent.nextCursor ?? null;
    while (cursor) {
      const next = await tagPage(
        db(),
        { tag: "#SUNSET", viewerId: me.id, cursor, limit: 5 },
        storage,
      );
      expect(next?.top).toEqual([]);
      seen.push(...(next?.recent.items.map((i) => i.id) ?? []));
      cursor = next?.recent.nextCursor ?? null;
    }
    expect(seen).toEqual(ids);
    expect(seen).not.toContain(removed);
    expect(seen).not.toContain(ofBanned);
  });

  it("pages posts linked at the same instant without gaps", async () => {
    const a = await person(db());
    const at = hoursAgo(3);
    const ids = await addPosts(
      db(),
      times(7, () => ({ author: a.id, at, caption: "#same" })),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await tagPage(db(), { tag: "same", viewerId: a.id, cursor, limit: 2 }, storage);
      seen.push(...(page?.recent.items.map((i) => i.id) ?? []));
      cursor = page?.recent.nextCursor ?? null;
    } while (cursor);
    expect(seen).toEqual([...ids].sort());
  });

  it("gives an empty page for an unknown tag and null for a malformed one or cursor", async () => {
    const me = await person(db());
    expect(await tagPage(db(), { tag: "nobodyusesthis", viewerId: me.id }, storage)).toEqual({
      tag: "nobodyusesthis",
      postCount: 0,
      top: [],
      recent: { items: [], nextCursor: null },
    });
    for (const tag of [
      "",
      "#",
      "a b",
      "12345",
      "x".repeat(101),
      "%E0%A4%A",
      "'; drop table posts",
    ]) {
      expect(await tagPage(db(), { tag, viewerId: me.id }, storage)).toBeNull();
    }
    expect(await tagPage(db(), { tag: "ok", viewerId: me.id, cursor: "zz*" }, storage)).toBeNull();
    // Non-Latin tags work, percent-encoded (as in a URL) or not.
    const [id] = await addPosts(db(), [{ author: me.id, caption: "#日本" }]);
    const encoded = await tagPage(
      db(),
      { tag: encodeURIComponent("日本"), viewerId: me.id },
      storage,
    );
    expect(encoded?.recent.items.map((i) => i.id)).toEqual([id]);
    await db()
      .update(posts)
      .set({ status: "removed" })
      .where(eq(posts.id, id as string));
    expect((await tagPage(db(), { tag: "日本", viewerId: me.id }, storage))?.recent.items).toEqual(
      [],
    );
  });
});
