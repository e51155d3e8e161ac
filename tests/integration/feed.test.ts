import type { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { comments, follows, likes, postMedia, posts, saves, users } from "@/db/schema";
import { listFeedPage } from "@/lib/feed/queries";
import { encodeCursor } from "@/lib/pagination/cursor";
import type { FeedPost } from "@/lib/shared/post-views";
import { withTestDatabase } from "./helpers/db";

const database = withTestDatabase();

const db = () => database.db;
const storage = { publicUrl: (key: string) => `https://cdn.test/${key}` };
const T0 = Date.parse("2026-01-01T12:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

type Person = { id: string; username: string };
let seq = 0;
async function person(name: string): Promise<Person> {
  seq += 1;
  const [row] = await db()
    .insert(users)
    .values({ username: `${name}_${seq}`, email: `${name}${seq}@x.test`, passwordHash: "-", name })
    .returning({ id: users.id, username: users.username });
  if (!row) throw new Error("no user");
  return row;
}

/** One account per name, in order. */
const people = <const N extends readonly string[]>(...names: N) =>
  Promise.all(names.map((n) => person(n))) as Promise<{ [K in keyof N]: Person }>;

type NewPost = { author: string; minutes: number; status?: "visible" | "removed" };
/** Inserts posts (one photo each) in one statement; returns their ids in the given order. */
async function addPosts(list: NewPost[]): Promise<string[]> {
  const rows = list.map((p) => ({
    id: uuidv7(),
    authorId: p.author,
    createdAt: at(p.minutes),
    status: p.status ?? ("visible" as const),
  }));
  if (rows.length === 0) return [];
  await db().insert(posts).values(rows);
  await db()
    .insert(postMedia)
    .values(
      rows.map((r) => ({
        postId: r.id,
        position: 0,
        variants: [{ key: `posts/${r.id}/a-1080.webp`, width: 1080, height: 1350 }],
        width: 1080,
        height: 1350,
        placeholder: "data:image/webp;base64,AA",
      })),
    );
  return rows.map((r) => r.id);
}

async function follow(follower: string, ...followees: string[]) {
  await db()
    .insert(follows)
    .values(followees.map((followeeId) => ({ followerId: follower, followeeId })));
  await db()
    .update(users)
    .set({
      followingCount: sql`(select count(*) from follows f where f.follower_id = ${follower})`,
    })
    .where(eq(users.id, follower));
}

const suspend = (id: string) =>
  db().update(users).set({ status: "suspended" }).where(eq(users.id, id));

/** Every page of a viewer's feed, following nextCursor to the end. */
async function walk(viewerId: string, limit: number) {
  const pages: FeedPost[][] = [];
  let cursor: string | null = null;
  do {
    const page = await listFeedPage(db(), { viewerId, cursor, limit }, storage);
    if (!page) throw new Error("bad cursor");
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 500);
  return pages;
}

/** The order the feed promises: created_at desc, then id desc. */
const newestFirst = (a: { at: number; id: string }, b: { at: number; id: string }) =>
  b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

// The query has two plans (a scan of everyone's newest posts for viewers following many people,
// a per-followee merge otherwise): each test runs on both.
const plans = [
  { plan: "per-followee merge", following: null },
  { plan: "newest-posts scan", following: 100 },
] as const;

describe.each(plans)("listFeedPage ($plan)", ({ following }) => {
  /** Forces the plan through the viewer's following_count (the only thing that picks it). */
  const choosePlan = async (viewerId: string) => {
    if (following !== null) {
      await db().update(users).set({ followingCount: following }).where(eq(users.id, viewerId));
    }
  };

  it("shows own and followed posts only, newest first, with their photos", async () => {
    const [me, ana, ben, stranger] = await people("me", "ana", "ben", "stranger");
    await follow(me.id, ana.id, ben.id);
    await follow(stranger.id, me.id);
    await choosePlan(me.id);
    const [mine, anas, bens] = await addPosts([
      { author: me.id, minutes: 1 },
      { author: ana.id, minutes: 3 },
      { author: ben.id, minutes: 2 },
      { author: stranger.id, minutes: 4 },
    ]);
    const page = await listFeedPage(db(), { viewerId: me.id }, storage);
    expect(page?.items.map((p) => p.id)).toEqual([anas, bens, mine]);
    expect(page?.nextCursor).toBeNull();
    const first = page?.items[0];
    expect(first?.author.username).toBe(ana.username);
    expect(first?.media[0]?.src).toBe(`https://cdn.test/posts/${anas}/a-1080.webp`);
    expect(first?.viewerIsAuthor).toBe(false);
    expect(page?.items[2]?.viewerIsAuthor).toBe(true);
    // Pages of one: the scan plan answers all but the last.
    expect((await walk(me.id, 1)).flat().map((p) => p.id)).toEqual([anas, bens, mine]);
  });

  it("never shows removed posts or posts of suspended people", async () => {
    const [me, ana, ben] = await people("me", "ana", "ben");
    await follow(me.id, ana.id, ben.id);
    await choosePlan(me.id);
    const ids = await addPosts([
      { author: ana.id, minutes: 1 },
      { author: ana.id, minutes: 2, status: "removed" },
      { author: ben.id, minutes: 3 },
      { author: ana.id, minutes: 4 },
      { author: ben.id, minutes: 5 },
      { author: ana.id, minutes: 6 },
      { author: me.id, minutes: 7, status: "removed" },
    ]);
    const kept = [ids[5], ids[3], ids[0]];
    await suspend(ben.id);
    const page = await listFeedPage(db(), { viewerId: me.id }, storage);
    expect(page?.items.map((p) => p.id)).toEqual(kept);
    expect((await walk(me.id, 1)).flat().map((p) => p.id)).toEqual(kept);
  });

  it("walks many posts sharing timestamps without duplicates or gaps", async () => {
    const [me, ana, ben, cy] = await people("me", "ana", "ben", "cy");
    await follow(me.id, ana.id, ben.id, cy.id);
    await choosePlan(me.id);
    const authors = [me.id, ana.id, ben.id, cy.id];
    // 80 posts on only 6 distinct instants: most of every page boundary falls inside a tie.
    const list = Array.from({ length: 80 }, (_, i) => ({
      author: authors[i % 4] ?? me.id,
      minutes: i % 6,
    }));
    const ids = await addPosts(list);
    const expected = ids
      .map((id, i) => ({ id, at: at(list[i]?.minutes ?? 0).getTime() }))
      .sort(newestFirst)
      .map((p) => p.id);
    for (const limit of [1, 7, 10]) {
      const pages = await walk(me.id, limit);
      const seen = pages.flat().map((p) => p.id);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expected);
      expect(pages.every((p) => p.length <= limit)).toBe(true);
    }
  });

  it("does not shift or repeat later pages when a newer post arrives while paging", async () => {
    const [me, ana] = await people("me", "ana");
    await follow(me.id, ana.id);
    await choosePlan(me.id);
    const ids = await addPosts(
      Array.from({ length: 12 }, (_, i) => ({ author: ana.id, minutes: i })),
    );
    const first = await listFeedPage(db(), { viewerId: me.id, limit: 5 }, storage);
    expect(first?.items.map((p) => p.id)).toEqual(ids.slice(7).reverse());
    await addPosts([{ author: ana.id, minutes: 100 }]);
    const second = await listFeedPage(
      db(),
      { viewerId: me.id, limit: 5, cursor: first?.nextCursor },
      storage,
    );
    const third = await listFeedPage(
      db(),
      { viewerId: me.id, limit: 5, cursor: second?.nextCursor },
      storage,
    );
    expect(second?.items.map((p) => p.id)).toEqual(ids.slice(2, 7).reverse());
    expect(third?.items.map((p) => p.id)).toEqual(ids.slice(0, 2).reverse());
    expect(third?.nextCursor).toBeNull();
  });

  it("refuses a tampered cursor with null", async () => {
    const me = await person("me");
    await choosePlan(me.id);
    const valid = encodeCursor({ createdAt: at(1), id: uuidv7() });
    expect(await listFeedPage(db(), { viewerId: me.id, cursor: valid }, storage)).toEqual({
      items: [],
      nextCursor: null,
    });
    for (const bad of [`${valid}x`, "not-a-cursor", "%%%", valid.slice(0, 10), "a".repeat(200)]) {
      expect(await listFeedPage(db(), { viewerId: me.id, cursor: bad }, storage)).toBeNull();
    }
    const tampered = Buffer.from(`${T0}.'; drop table posts; --`).toString("base64url");
    expect(await listFeedPage(db(), { viewerId: me.id, cursor: tampered }, storage)).toBeNull();
  });

  it("tells the viewer's likes and saves, the two newest comments and the newest liker", async () => {
    const [me, ana, ben, gone] = await people("me", "ana", "ben", "gone");
    await follow(me.id, ana.id);
    await choosePlan(me.id);
    const [talked, quiet] = await addPosts([
      { author: ana.id, minutes: 2 },
      { author: me.id, minutes: 1 },
    ]);
    if (!talked || !quiet) throw new Error("setup");
    await db()
      .insert(likes)
      .values([
        { postId: talked, userId: me.id, createdAt: at(10) },
        { postId: talked, userId: ben.id, createdAt: at(11) },
        { postId: talked, userId: gone.id, createdAt: at(12) },
      ]);
    await db().insert(saves).values({ userId: me.id, postId: quiet });
    const say = (authorId: string, minutes: number, body: string, status = "visible" as const) => ({
      id: uuidv7(),
      postId: talked,
      authorId,
      body,
      status,
      createdAt: at(minutes),
    });
    await db()
      .insert(comments)
      .values([
        say(ben.id, 20, "first"),
        say(me.id, 21, "mine"),
        say(ana.id, 22, "author's"),
        { ...say(ben.id, 23, "removed"), status: "removed" },
        say(gone.id, 24, "by someone suspended"),
      ]);
    await suspend(gone.id);

    const page = await listFeedPage(db(), { viewerId: me.id }, storage);
    const [a, b] = page?.items ?? [];
    expect(a?.id).toBe(talked);
    expect(a?.viewerHasLiked).toBe(true);
    expect(a?.viewerHasSaved).toBe(false);
    expect(a?.latestLiker).toEqual({ username: ben.username });
    expect(a?.latestComments.map((c) => [c.body, c.author.username, c.viewerCanDelete])).toEqual([
      ["mine", me.username, true],
      ["author's", ana.username, false],
    ]);
    expect(b?.id).toBe(quiet);
    expect(b?.viewerHasLiked).toBe(false);
    expect(b?.viewerHasSaved).toBe(true);
    expect(b?.latestLiker).toBeNull();
    expect(b?.latestComments).toEqual([]);
  });

  it("runs a fixed number of statements per page, whatever its size", async () => {
    const [me, ana, ben] = await people("me", "ana", "ben");
    await follow(me.id, ana.id, ben.id);
    await choosePlan(me.id);
    const ids = await addPosts(
      Array.from({ length: 40 }, (_, i) => ({ author: i % 2 ? ana.id : ben.id, minutes: i })),
    );
    await db()
      .insert(likes)
      .values(ids.map((postId) => ({ postId, userId: me.id })));
    const counting = countingDb();
    const statementsFor = async (limit: number) => {
      counting.reset();
      const page = await listFeedPage(counting.db, { viewerId: me.id, limit }, storage);
      expect(page?.items).toHaveLength(limit);
      return counting.count();
    };
    // The posts, photos, the viewer's likes and saves, comments and likers: one statement.
    expect(await statementsFor(2)).toBe(1);
    expect(await statementsFor(10)).toBe(1);
    expect(await statementsFor(30)).toBe(1);
    const loner = await person("loner");
    counting.reset();
    await listFeedPage(counting.db, { viewerId: loner.id }, storage);
    expect(counting.count()).toBe(1);
  });
});

describe("listFeedPage across plans", () => {
  it("falls back to the merge when everyone else's newest posts hide the followees'", async () => {
    const [me, ana, busy] = await people("me", "ana", "busy");
    await follow(me.id, ana.id);
    await db().update(users).set({ followingCount: 100 }).where(eq(users.id, me.id));
    const anas = await addPosts(
      Array.from({ length: 15 }, (_, i) => ({ author: ana.id, minutes: i })),
    );
    // More newer posts by a stranger than the scan reads: the scan finds no full page.
    await addPosts(Array.from({ length: 1100 }, (_, i) => ({ author: busy.id, minutes: 100 + i })));
    const seen = (await walk(me.id, 10)).flat().map((p) => p.id);
    expect(seen).toEqual([...anas].reverse());
  });
});

/** A second drizzle instance on the same connection that counts the statements it sends. */
function countingDb() {
  let n = 0;
  const logger = {
    logQuery: () => {
      n += 1;
    },
  };
  const client = (database.db as unknown as { $client: unknown }).$client;
  const counted =
    database.driver === "pglite"
      ? drizzlePglite(client as PGlite, { schema, logger })
      : drizzlePostgres(client as Sql, { schema, logger });
  return {
    db: counted as unknown as Db,
    count: () => n,
    reset: () => {
      n = 0;
    },
  };
}
