import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { follows, posts, users } from "@/db/schema";
import { latestLikersFor, listLikers, viewerStateFor } from "@/lib/likes/queries";
import { setLike } from "@/lib/likes/service";
import { setSave } from "@/lib/saves/service";
import { walkPages } from "./helpers/pages";
import { MISSING_POST, POST_NOT_FOUND, urls, withSocialDatabase } from "./helpers/social";

const { db, insertUsers, insertUser, insertPost, postCounts, countRows } = withSocialDatabase();

describe("setLike", () => {
  it("likes and unlikes, keeping like_count exact and answering the fresh count", async () => {
    const [author, ana, ben] = await insertUsers(3);
    const postId = await insertPost(author.id);
    expect((await setLike(db(), ana.id, { postId, liked: true })).result).toEqual({
      ok: true,
      data: { liked: true, likeCount: 1, likeCountHidden: false },
    });
    expect((await setLike(db(), ben.id, { postId, liked: true })).result).toEqual({
      ok: true,
      data: { liked: true, likeCount: 2, likeCountHidden: false },
    });
    expect((await setLike(db(), ana.id, { postId, liked: false })).result).toEqual({
      ok: true,
      data: { liked: false, likeCount: 1, likeCountHidden: false },
    });
    expect((await postCounts(postId))?.likeCount).toBe(1);
    expect(await countRows("likes")).toBe(1);
  });

  it("lets the author like their own post", async () => {
    const author = await insertUser();
    const postId = await insertPost(author.id);
    const result = (await setLike(db(), author.id, { postId, liked: true })).result;
    expect(result).toEqual({
      ok: true,
      data: { liked: true, likeCount: 1, likeCountHidden: false },
    });
  });

  it("is idempotent: repeating a like or an unlike changes nothing", async () => {
    const [author, ana] = await insertUsers(2);
    const postId = await insertPost(author.id);
    for (let i = 0; i < 3; i++) {
      const r = (await setLike(db(), ana.id, { postId, liked: true })).result;
      expect(r).toEqual({ ok: true, data: { liked: true, likeCount: 1, likeCountHidden: false } });
    }
    for (let i = 0; i < 3; i++) {
      const r = (await setLike(db(), ana.id, { postId, liked: false })).result;
      expect(r).toEqual({ ok: true, data: { liked: false, likeCount: 0, likeCountHidden: false } });
    }
    expect(await countRows("likes")).toBe(0);
  });

  it("keeps counts exact over a burst of 100 alternating likes and unlikes", async () => {
    const [author, ana] = await insertUsers(2);
    const postId = await insertPost(author.id);
    for (let i = 0; i < 100; i++) {
      await setLike(db(), ana.id, { postId, liked: i % 3 !== 0 });
    }
    const rows = await countRows("likes");
    expect((await postCounts(postId))?.likeCount).toBe(rows);
  });

  it.each([
    ["a missing post", async (_authorId: string) => MISSING_POST],
    ["a removed post", async (authorId: string) => insertPost(authorId, { status: "removed" })],
  ])("refuses %s with NOT_FOUND and changes nothing", async (_, make) => {
    const [author, ana] = await insertUsers(2);
    const postId = await make(author.id);
    for (const liked of [true, false]) {
      const result = (await setLike(db(), ana.id, { postId, liked })).result;
      expect(result).toEqual(POST_NOT_FOUND);
    }
    expect(await countRows("likes")).toBe(0);
  });

  it("refuses a post whose author is suspended, leaving an earlier like alone", async () => {
    const [author, ana] = await insertUsers(2);
    const postId = await insertPost(author.id);
    await setLike(db(), ana.id, { postId, liked: true });
    await db().update(users).set({ status: "suspended" }).where(eq(users.id, author.id));
    const result = (await setLike(db(), ana.id, { postId, liked: false })).result;
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await countRows("likes")).toBe(1);
    expect((await postCounts(postId))?.likeCount).toBe(1);
  });
});

describe("listLikers", () => {
  it("walks 25 likes sharing one created_at without duplicates or gaps", async () => {
    const author = await insertUser();
    const postId = await insertPost(author.id);
    const likers = await insertUsers(25);
    const now = new Date("2025-03-01T12:00:00.000Z");
    for (const u of likers) (await setLike(db(), u.id, { postId, liked: true }, now)).result;
    const likerIds = likers.map((u) => u.id);
    const { ids: seen, pages } = await walkPages((cursor) =>
      listLikers(db(), { postId, viewerId: null, cursor, limit: 7 }, urls),
    );
    expect(pages).toBe(4);
    expect(seen).toEqual([...likerIds].sort().reverse());
  });

  it("lists newest first, says whom the viewer follows, and hides suspended likers", async () => {
    const [author, viewer, ana, ben, eve] = await insertUsers(5);
    const postId = await insertPost(author.id);
    const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
    await setLike(db(), ana.id, { postId, liked: true }, t(1));
    await setLike(db(), ben.id, { postId, liked: true }, t(2));
    await setLike(db(), eve.id, { postId, liked: true }, t(3));
    await setLike(db(), viewer.id, { postId, liked: true }, t(4));
    await db().insert(follows).values({ followerId: viewer.id, followeeId: ana.id });
    await db().update(users).set({ status: "suspended" }).where(eq(users.id, eve.id));
    const page = await listLikers(db(), { postId, viewerId: viewer?.id ?? null }, urls);
    expect(page?.items.map((p) => [p.username, p.viewerFollows, p.isViewer])).toEqual([
      [viewer?.username, false, true],
      [ben?.username, false, false],
      [ana?.username, true, false],
    ]);
    expect(page?.nextCursor).toBeNull();
  });

  it("answers null for a tampered cursor and an empty page for a removed post", async () => {
    const author = await insertUser();
    const postId = await insertPost(author.id);
    for (const cursor of ["not a cursor", "bm9wZQ", Buffer.from("12.x").toString("base64url")]) {
      expect(await listLikers(db(), { postId, viewerId: null, cursor }, urls)).toBeNull();
    }
    await setLike(db(), author.id, { postId, liked: true });
    await db().update(posts).set({ status: "removed" }).where(eq(posts.id, postId));
    expect(await listLikers(db(), { postId, viewerId: null }, urls)).toEqual({
      items: [],
      nextCursor: null,
    });
  });
});

describe("viewerStateFor and latestLikersFor", () => {
  it("answers likes, saves and the newest liker of a page of posts", async () => {
    const [author, viewer, ana] = await insertUsers(3);
    const p1 = await insertPost(author.id);
    const p2 = await insertPost(author.id);
    const p3 = await insertPost(author.id);
    const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
    await setLike(db(), viewer.id, { postId: p1, liked: true }, t(1));
    await setLike(db(), ana.id, { postId: p1, liked: true }, t(2));
    await setLike(db(), viewer.id, { postId: p2, liked: true }, t(3));
    await setSave(db(), viewer.id, { postId: p3, saved: true });
    const state = await viewerStateFor(db(), viewer?.id ?? null, [p1, p2, p3]);
    expect([...state.liked].sort()).toEqual([p1, p2].sort());
    expect([...state.saved]).toEqual([p3]);
    expect(await viewerStateFor(db(), null, [p1])).toEqual({
      liked: new Set(),
      saved: new Set(),
    });
    const latest = await latestLikersFor(db(), [p1, p2, p3]);
    expect(latest.get(p1)).toEqual({ username: ana?.username });
    expect(latest.get(p2)).toEqual({ username: viewer?.username });
    expect(latest.has(p3)).toBe(false);
  });
});
