import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { exploreRanks, exploreSnapshots, posts } from "@/db/schema";
import { dismissSuggestion, listExplorePage, suggestedPeople } from "@/lib/discover/queries";
import { postScore } from "@/lib/discover/ranking";
import { refreshDiscover, rowsOf } from "@/lib/discover/service";
import { withTestDatabase } from "./helpers/db";
import {
  addPosts,
  follow,
  hoursAgo,
  person,
  setLikes,
  storage,
  suspend,
  T0,
} from "./helpers/discover";

const database = withTestDatabase();

const db = () => database.db;
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

/** Every page of a viewer's explore grid, calling `between` after each page. */
async function walk(viewerId: string, limit: number, between?: (n: number) => Promise<void>) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await listExplorePage(db(), { viewerId, cursor, limit, now: T0 }, storage);
    if (!page) throw new Error("bad cursor");
    pages.push(page.items.map((i) => i.id));
    cursor = page.nextCursor;
    await between?.(pages.length);
  } while (cursor && pages.length < 200);
  return pages;
}

describe("listExplorePage", () => {
  it("shows posts of people the viewer does not follow, never own, removed or suspended", async () => {
    const [me, friend, stranger, banned] = [
      await person(db()),
      await person(db()),
      await person(db()),
      await person(db()),
    ];
    await follow(db(), me.id, friend.id);
    const [own, followed, visible, removed, ofBanned] = await addPosts(db(), [
      { author: me.id, likes: 50 },
      { author: friend.id, likes: 50 },
      { author: stranger.id, likes: 5 },
      { author: stranger.id, likes: 50, status: "removed" },
      { author: banned.id, likes: 50 },
    ]);
    await suspend(db(), banned.id);
    const page = await listExplorePage(db(), { viewerId: me.id, now: T0 }, storage);
    expect(page?.items.map((i) => i.id)).toEqual([visible]);
    expect(page?.nextCursor).toBeNull();
    expect(page?.items[0]?.cover.src).toBe(`https://cdn.test/posts/${visible}/a-1080.webp`);
    for (const id of [own, followed, removed, ofBanned]) {
      expect(page?.items.some((i) => i.id === id)).toBe(false);
    }
    // The stranger's own explore shows the others' visible posts.
    const theirs = await listExplorePage(db(), { viewerId: stranger.id, now: T0 }, storage);
    expect(theirs?.items.map((i) => i.id).sort()).toEqual([own, followed].sort());
  });

  it("ranks by the time-decayed score, in the same order as postScore", async () => {
    const [me, a, b] = [await person(db()), await person(db()), await person(db())];
    const list = [
      { author: a.id, hoursAgo: 1, likes: 0 },
      { author: a.id, hoursAgo: 2, likes: 10, comments: 3 },
      { author: b.id, hoursAgo: 30, likes: 100, comments: 10 },
      { author: b.id, hoursAgo: 200, likes: 1000 },
      { author: a.id, hoursAgo: 5, likes: 4, comments: 8 },
      { author: b.id, hoursAgo: 0.1, likes: 1 },
    ];
    const ids = await addPosts(db(), list);
    const expected = list
      .map((p, i) => ({
        id: ids[i] ?? "",
        score: postScore(
          { likeCount: p.likes, commentCount: p.comments ?? 0, createdAt: hoursAgo(p.hoursAgo) },
          T0,
        ),
      }))
      .sort((x, y) => y.score - x.score)
      .map((p) => p.id);
    const page = await listExplorePage(db(), { viewerId: me.id, now: T0 }, storage);
    expect(page?.items.map((i) => i.id)).toEqual(expected);
    const stored = await db()
      .select({ postId: exploreRanks.postId, score: exploreRanks.score })
      .from(exploreRanks)
      .orderBy(exploreRanks.rank);
    const first = list[ids.indexOf(stored[0]?.postId ?? "")];
    expect(stored[0]?.score).toBeCloseTo(
      postScore(
        {
          likeCount: first?.likes ?? 0,
          commentCount: first?.comments ?? 0,
          createdAt: hoursAgo(first?.hoursAgo ?? 0),
        },
        T0,
      ),
      10,
    );
  });

  it("walks every page once, without duplicates, while likes change between pages", async () => {
    const [me, a, b] = [await person(db()), await person(db()), await person(db())];
    const ids = await addPosts(
      db(),
      Array.from({ length: 40 }, (_, i) => ({
        author: i % 2 ? a.id : b.id,
        hoursAgo: 1 + (i % 7),
        likes: (i * 13) % 29,
      })),
    );
    const pages = await walk(me.id, 7, async (n) => {
      // Turn the ranking upside down: the last posts become the most liked, then a newer
      // snapshot is built (as another reader's first page would after 10 minutes).
      for (const [i, id] of ids.entries()) await setLikes(db(), id, (i + n) * 100);
      await listExplorePage(db(), { viewerId: a.id, now: minutes(11 * n) }, storage);
    });
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(pages.every((p) => p.length <= 7)).toBe(true);
    const snapshots = await db().select({ id: exploreSnapshots.id }).from(exploreSnapshots);
    expect(snapshots.length).toBeGreaterThan(1);
  });

  it("keeps one snapshot for 10 minutes, then builds a new one for a first page", async () => {
    const [me, a] = [await person(db()), await person(db())];
    const [x, y] = await addPosts(db(), [
      { author: a.id, likes: 10 },
      { author: a.id, likes: 1 },
    ]);
    const first = await listExplorePage(db(), { viewerId: me.id, now: T0 }, storage);
    expect(first?.items.map((i) => i.id)).toEqual([x, y]);
    await setLikes(db(), y as string, 500);
    const cached = await listExplorePage(db(), { viewerId: me.id, now: minutes(9) }, storage);
    expect(cached?.items.map((i) => i.id)).toEqual([x, y]);
    // The counts shown are today's, even in an older ranking.
    expect(cached?.items[1]?.likeCount).toBe(500);
    const fresh = await listExplorePage(db(), { viewerId: me.id, now: minutes(10) }, storage);
    expect(fresh?.items.map((i) => i.id)).toEqual([y, x]);
  });

  it("bounds the candidates to 30 days once there are 500 newer posts", async () => {
    const [me, a] = [await person(db()), await person(db())];
    const [old] = await addPosts(db(), [{ author: a.id, hoursAgo: 24 * 40, likes: 100_000 }]);
    const lone = await listExplorePage(db(), { viewerId: me.id, now: T0 }, storage);
    expect(lone?.items.map((i) => i.id)).toEqual([old]);
    await db().execute(sql`
      insert into posts (id, author_id, created_at)
      select gen_random_uuid(), ${a.id}, ${T0.toISOString()}::timestamptz - g * interval '1 minute'
      from generate_series(1, 500) g`);
    await refreshDiscover(db(), T0);
    const [ranked] = rowsOf<{ n: number; old: number }>(
      await db().execute(sql`select count(*)::int as n,
        count(*) filter (where post_id = ${old})::int as old from explore_ranks
        where snapshot_id = (select id from explore_snapshots order by computed_at desc, id desc limit 1)`),
    );
    expect(ranked).toEqual({ n: 500, old: 0 });
  });

  it("refuses a malformed cursor and continues an expired one in the newest snapshot", async () => {
    const [me, a] = [await person(db()), await person(db())];
    const ids = await addPosts(
      db(),
      Array.from({ length: 6 }, (_, i) => ({ author: a.id, likes: 10 - i })),
    );
    expect(await listExplorePage(db(), { viewerId: me.id, cursor: "bad*" }, storage)).toBeNull();
    expect(
      await listExplorePage(db(), { viewerId: me.id, cursor: "bm90LWEtY3Vyc29y" }, storage),
    ).toBeNull();
    const first = await listExplorePage(db(), { viewerId: me.id, limit: 4, now: T0 }, storage);
    await db().delete(exploreSnapshots);
    await refreshDiscover(db(), minutes(200));
    const next = await listExplorePage(
      db(),
      { viewerId: me.id, limit: 4, cursor: first?.nextCursor, now: minutes(200) },
      storage,
    );
    expect(next?.items.map((i) => i.id)).toEqual(ids.slice(4));
  });

  it("shows current counts and drops a post removed after it was ranked", async () => {
    const [me, a] = [await person(db()), await person(db())];
    const [x, y] = await addPosts(db(), [
      { author: a.id, likes: 10 },
      { author: a.id, likes: 1 },
    ]);
    await listExplorePage(db(), { viewerId: me.id, now: T0 }, storage);
    await db()
      .update(posts)
      .set({ status: "removed" })
      .where(eq(posts.id, x as string));
    const page = await listExplorePage(db(), { viewerId: me.id, now: T0 }, storage);
    expect(page?.items.map((i) => i.id)).toEqual([y]);
  });
});

describe("suggestedPeople", () => {
  it("never suggests the viewer, people followed, suspended or dismissed", async () => {
    const me = await person(db());
    const [friend, fof, popular, banned, dismissed] = [
      await person(db()),
      await person(db()),
      await person(db()),
      await person(db(), { status: "active" }),
      await person(db()),
    ];
    await follow(db(), me.id, friend.id);
    await follow(db(), friend.id, fof.id, banned.id, dismissed.id);
    await suspend(db(), banned.id);
    expect((await dismissSuggestion(db(), me.id, { userId: dismissed.id })).ok).toBe(true);
    // Twice is fine.
    expect((await dismissSuggestion(db(), me.id, { userId: dismissed.id })).ok).toBe(true);
    const people = await suggestedPeople(db(), { viewerId: me.id, limit: 10 }, storage);
    const ids = people.map((p) => p.id);
    expect(ids[0]).toBe(fof.id);
    expect(people[0]?.reason).toMatch(/Followed by/);
    expect(ids).toContain(popular.id);
    for (const id of [me.id, friend.id, banned.id, dismissed.id]) expect(ids).not.toContain(id);
  });

  it("fills up to the limit past dismissed people", async () => {
    const me = await person(db());
    const others = [];
    for (let i = 0; i < 6; i++) others.push(await person(db()));
    for (const o of others.slice(0, 3)) await dismissSuggestion(db(), me.id, { userId: o.id });
    const people = await suggestedPeople(db(), { viewerId: me.id, limit: 3 }, storage);
    expect(people.map((p) => p.id).sort()).toEqual(
      others
        .slice(3)
        .map((o) => o.id)
        .sort(),
    );
  });

  it("refuses to dismiss oneself or an unknown account", async () => {
    const me = await person(db());
    expect(await dismissSuggestion(db(), me.id, { userId: me.id })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect(
      await dismissSuggestion(db(), me.id, { userId: "0190a000-0000-7000-8000-000000000000" }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
