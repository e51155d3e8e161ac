import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type Db, openDatabase } from "@/db/client";
import { posts, users } from "@/db/schema";
import { addComment, deleteComment } from "@/lib/comments/service";
import { setFollow } from "@/lib/follows/service";
import { setLike } from "@/lib/likes/service";
import { setBlock } from "@/lib/relations/service";
import type { Result } from "@/lib/result";
import { setSave } from "@/lib/saves/service";
import { withTestDatabase } from "./helpers/db";
import { insertPost, insertUser, insertUsers, urls } from "./helpers/social";

// Denormalised counters stay equal to the rows they count when many writers act on one post or
// one account at once. On PostgreSQL the writes really race over separate connections; on PGlite
// (one connection) the same interleaved sequences run one by one, so this file always runs.

const database = withTestDatabase();
const db = () => database.db;

type Op = () => Promise<Result<unknown>>;
type Run = (ops: Op[]) => Promise<Result<unknown>[]>;
const together: Run = (ops) => Promise.all(ops.map((op) => op()));
const oneByOne: Run = async (ops) => {
  const out: Result<unknown>[] = [];
  for (const op of ops) out.push(await op());
  return out;
};

/** Every post whose like_count or comment_count differs from its rows (should be none). */
async function postCounterDrift() {
  return db()
    .select({
      id: posts.id,
      likeCount: posts.likeCount,
      likes: sql<number>`(select count(*)::int from likes l where l.post_id = "posts"."id")`,
      commentCount: posts.commentCount,
      comments: sql<number>`(select count(*)::int from comments c where c.post_id = "posts"."id" and c.status = 'visible')`,
    })
    .from(posts)
    .where(
      sql`"posts"."like_count" <> (select count(*) from likes l where l.post_id = "posts"."id")
        or "posts"."comment_count" <> (select count(*) from comments c where c.post_id = "posts"."id" and c.status = 'visible')`,
    );
}

/** Every account whose follower_count or following_count differs from its rows. */
async function userCounterDrift() {
  return db()
    .select({ id: users.id, followerCount: users.followerCount })
    .from(users)
    .where(
      sql`"users"."follower_count" <> (select count(*) from follows f where f.followee_id = "users"."id")
        or "users"."following_count" <> (select count(*) from follows f where f.follower_id = "users"."id")`,
    );
}

const scalar = async (query: ReturnType<typeof sql>) => {
  const rows = await db().execute<{ n: number }>(query);
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows;
  return Number(list[0]?.n ?? 0);
};

/** 50 people like, unlike and like again one post, each round interleaved with the others. */
async function likeStorm(writer: Db, run: Run) {
  const author = await insertUser(db());
  const postId = await insertPost(db(), author.id);
  const people = await insertUsers(db(), 50);
  const rounds = [true, false, true, true, false, true];
  const ops = rounds.flatMap((liked) =>
    people.map((p) => () => setLike(writer, p.id, { postId, liked }).then((r) => r.result)),
  );
  const results = await run(ops);
  expect(results.every((r) => r.ok)).toBe(true);
  expect(await postCounterDrift()).toEqual([]);
  return scalar(sql`select count(*)::int as n from likes`);
}

/** 50 people comment twice; then each deletes a comment the post's author deletes too. */
async function commentStorm(writer: Db, run: Run) {
  const author = await insertUser(db());
  const postId = await insertPost(db(), author.id);
  const people = await insertUsers(db(), 50);
  const add = (userId: string, body: string) => () =>
    addComment(writer, urls, userId, { postId, body }).then((r) => r.result);
  const first = await run(people.flatMap((p) => [add(p.id, "one"), add(p.id, "two")]));
  const ids = first.map((r) => (r.ok ? (r.data as { comment: { id: string } }).comment.id : ""));
  expect(ids.every(Boolean)).toBe(true);
  expect(await postCounterDrift()).toEqual([]);
  const second = await run(
    people.flatMap((p, i) => {
      const commentId = ids[i * 2] ?? "";
      return [
        () => deleteComment(writer, p.id, { commentId }),
        add(p.id, "three"),
        () => deleteComment(writer, author.id, { commentId }),
      ];
    }),
  );
  // Of the two deletes of one comment exactly one wins; the other finds it gone.
  const deleted = second.filter((r) => r.ok && !("comment" in (r.data as object)));
  expect(deleted).toHaveLength(50);
  expect(second.filter((r) => !r.ok).every((r) => !r.ok && r.code === "NOT_FOUND")).toBe(true);
  expect(await postCounterDrift()).toEqual([]);
  return scalar(sql`select count(*)::int as n from comments`);
}

/** 50 people and one star follow each other both ways at once, and some unfollow again. */
async function followStorm(writer: Db, run: Run) {
  const star = await insertUser(db());
  const people = await insertUsers(db(), 50);
  const set = (from: string, to: string, follow: boolean) => () =>
    setFollow(writer, from, { userId: to, follow }).then((r) => r.result);
  const ops = [
    ...people.flatMap((p) => [set(p.id, star.id, true), set(star.id, p.id, true)]),
    ...people.flatMap((p, i) => [
      set(p.id, star.id, i % 2 === 0),
      set(star.id, p.id, i % 3 !== 0),
      set(p.id, people[(i + 1) % people.length]?.id ?? star.id, true),
    ]),
  ];
  const results = await run(ops);
  expect(results.every((r) => r.ok)).toBe(true);
  expect(await userCounterDrift()).toEqual([]);
  return scalar(sql`select count(*)::int as n from follows`);
}

/**
 * 20 people each block someone who, at the same moment, likes, saves and comments on their post
 * and follows them. Whatever the order, nothing of the blocked person survives the block: no
 * like, comment or follow of theirs (a save is the saver's own, kept as Instagram keeps it, but
 * the post no longer shows), and every counter equals its rows.
 */
async function blockRace(writer: Db, run: Run) {
  const blockers = await insertUsers(db(), 20);
  const blocked = await insertUsers(db(), 20);
  const pairs = await Promise.all(
    blockers.map(async (b, i) => ({
      blocker: b.id,
      other: blocked[i]?.id ?? "",
      postId: await insertPost(db(), b.id),
    })),
  );
  const ops = pairs.flatMap(({ blocker, other, postId }) => [
    () => setLike(writer, other, { postId, liked: true }).then((r) => r.result),
    () => addComment(writer, urls, other, { postId, body: "hi" }).then((r) => r.result),
    () => setBlock(writer, blocker, { userId: other, blocked: true }).then((r) => r.result),
    () => setFollow(writer, other, { userId: blocker, follow: true }).then((r) => r.result),
    () => setSave(writer, other, { postId, saved: true }),
  ]);
  const results = await run(ops);
  // Each write either went first (ok) or found the post or account gone (NOT_FOUND).
  expect(results.every((r) => r.ok || r.code === "NOT_FOUND")).toBe(true);
  expect(await postCounterDrift()).toEqual([]);
  expect(await userCounterDrift()).toEqual([]);
  return scalar(sql`select (
      (select count(*) from likes l join posts p on p.id = l.post_id
        join blocks b on b.blocker_id = p.author_id and b.blocked_id = l.user_id)
      + (select count(*) from comments c join posts p on p.id = c.post_id
        join blocks b on b.blocker_id = p.author_id and b.blocked_id = c.author_id
        where c.status = 'visible')
      + (select count(*) from follows f
        join blocks b on b.blocker_id = f.followee_id and b.blocked_id = f.follower_id)
    )::int as n`);
}

describe("counters under interleaved writes, one at a time (any database)", () => {
  it("keeps like_count equal to the likes of 50 people", async () => {
    expect(await likeStorm(db(), oneByOne)).toBe(50);
  });

  it("keeps comment_count equal to the visible comments", async () => {
    expect(await commentStorm(db(), oneByOne)).toBe(100);
  });

  it("keeps follower_count and following_count equal to the follows", async () => {
    // 25 follow the star, 33 are followed back, 50 follow the next person.
    expect(await followStorm(db(), oneByOne)).toBe(25 + 33 + 50);
  });

  it("leaves nothing of a blocked person that raced the block", async () => {
    expect(await blockRace(db(), oneByOne)).toBe(0);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("counters under concurrent writes (PostgreSQL)", () => {
  let pool: Database;
  beforeAll(() => {
    // A second pool over the same (already migrated) database: writes race on 10 connections.
    pool = openDatabase({ url: process.env.DATABASE_URL, poolMax: 10 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it("keeps like_count equal to the likes of 50 people acting at once", async () => {
    const likes = await likeStorm(pool.db, together);
    expect(likes).toBeGreaterThanOrEqual(0);
    expect(likes).toBeLessThanOrEqual(50);
  });

  it("keeps comment_count exact when comments are added and deleted at once", async () => {
    expect(await commentStorm(pool.db, together)).toBe(100);
  });

  it("leaves no like, comment or follow of a blocked person that raced the block", async () => {
    expect(await blockRace(pool.db, together)).toBe(0);
  });

  it("keeps follow counters exact when people follow each other both ways at once", async () => {
    const follows = await followStorm(pool.db, together);
    expect(follows).toBeGreaterThan(0);
  });
});
