import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type Db, openDatabase } from "@/db/client";
import { addComment, deleteComment } from "@/lib/comments/service";
import { setCommentLike, setCommentPin } from "@/lib/comments/service-reactions";
import type { Result } from "@/lib/result";
import { withTestDatabase } from "./helpers/db";
import { insertPost, insertUser, insertUsers, urls } from "./helpers/social";

// reply_count, comments.like_count, posts.comment_count (which counts replies) and the pin limit
// stay exact when many people act on one comment at once. On PostgreSQL the writes race over
// separate connections; on PGlite (one connection) the same interleaved sequences run one by one.

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

const rowsOf = async <T>(query: ReturnType<typeof sql>) => {
  const rows = await db().execute(query);
  return (Array.isArray(rows) ? rows : (rows as unknown as { rows: T[] }).rows) as T[];
};

/** Comments and posts whose counters differ from the rows they count (should be none). */
async function drift() {
  const commentsOff = await rowsOf(sql`
    select c.id from comments c
    where c.reply_count <> (select count(*) from comments r
        where r.parent_id = c.id and r.status = 'visible' and not r.pending_approval)
      or c.like_count <> (select count(*) from comment_likes l where l.comment_id = c.id)`);
  const postsOff = await rowsOf(sql`
    select p.id from posts p
    where p.comment_count <> (select count(*) from comments c
        left join comments t on t.id = c.parent_id
        where c.post_id = p.id and c.status = 'visible' and not c.pending_approval
          and (c.parent_id is null or t.status = 'visible'))`);
  return [...commentsOff, ...postsOff];
}

const idOf = (r: Result<unknown>) =>
  r.ok ? ((r.data as { comment?: { id: string } }).comment?.id ?? "") : "";

/** 30 people reply twice to one comment; then each deletes a reply while replying again. */
async function replyStorm(writer: Db, run: Run) {
  const author = await insertUser(db());
  const postId = await insertPost(db(), author.id);
  const top = await addComment(db(), urls, author.id, { postId, body: "top" });
  const topId = idOf(top.result);
  const people = await insertUsers(db(), 30);
  const reply = (userId: string, body: string) => () =>
    addComment(writer, urls, userId, { postId, body, replyToId: topId }).then((r) => r.result);
  const first = await run(people.flatMap((p) => [reply(p.id, "a"), reply(p.id, "b")]));
  expect(first.every((r) => r.ok)).toBe(true);
  expect(await drift()).toEqual([]);
  const second = await run(
    people.flatMap((p, i) => [
      () => deleteComment(writer, p.id, { commentId: idOf(first[i * 2] as Result<unknown>) }),
      reply(p.id, "c"),
      () => deleteComment(writer, author.id, { commentId: idOf(first[i * 2] as Result<unknown>) }),
    ]),
  );
  expect(second.filter((r) => !r.ok).every((r) => !r.ok && r.code === "NOT_FOUND")).toBe(true);
  expect(await drift()).toEqual([]);
  const [row] = await rowsOf<{ n: number }>(
    sql`select reply_count as n from comments where id = ${topId}`,
  );
  return Number(row?.n);
}

/** 20 people reply while the top comment is deleted: no reply outlives it, counts exact. */
async function deleteWhileReplying(writer: Db, run: Run) {
  const author = await insertUser(db());
  const postId = await insertPost(db(), author.id);
  const topId = idOf((await addComment(db(), urls, author.id, { postId, body: "top" })).result);
  const people = await insertUsers(db(), 20);
  const ops: Op[] = people.map(
    (p) => () =>
      addComment(writer, urls, p.id, { postId, body: "r", replyToId: topId }).then((r) => r.result),
  );
  ops.splice(10, 0, () => deleteComment(writer, author.id, { commentId: topId }));
  const results = await run(ops);
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "NOT_FOUND")).toBe(true);
  expect(await drift()).toEqual([]);
  return rowsOf<{ n: number }>(
    sql`select count(*)::int as n from comments where post_id = ${postId}`,
  );
}

/** 40 people like, unlike and like again one comment, interleaved. */
async function likeStorm(writer: Db, run: Run) {
  const author = await insertUser(db());
  const postId = await insertPost(db(), author.id);
  const commentId = idOf((await addComment(db(), urls, author.id, { postId, body: "x" })).result);
  const people = await insertUsers(db(), 40);
  const ops = [true, false, true].flatMap((liked) =>
    people.map(
      (p) => () => setCommentLike(writer, p.id, { commentId, liked }).then((r) => r.result),
    ),
  );
  const results = await run(ops);
  expect(results.every((r) => r.ok)).toBe(true);
  expect(await drift()).toEqual([]);
  const [notes] = await rowsOf<{ n: number }>(
    sql`select count(*)::int as n from notifications where kind = 'comment_like' and comment_id = ${commentId}`,
  );
  const [likes] = await rowsOf<{ n: number }>(
    sql`select like_count as n from comments where id = ${commentId}`,
  );
  // One notification per heart standing, never two for one person.
  expect(Number(notes?.n)).toBe(Number(likes?.n));
  return Number(likes?.n);
}

/** Six comments pinned at once: three win, the others hear the limit. */
async function pinRace(writer: Db, run: Run) {
  const author = await insertUser(db());
  const postId = await insertPost(db(), author.id);
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    ids.push(idOf((await addComment(db(), urls, author.id, { postId, body: `c${i}` })).result));
  }
  const results = await run(
    ids.map((commentId) => () => setCommentPin(writer, author.id, { commentId, pinned: true })),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(3);
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "CONFLICT")).toBe(true);
  const [row] = await rowsOf<{ n: number }>(
    sql`select count(*)::int as n from comments where post_id = ${postId} and pinned_at is not null`,
  );
  return Number(row?.n);
}

describe("reply, heart and pin counters, interleaved one at a time (any database)", () => {
  it("keeps reply_count and comment_count exact as replies come and go", async () => {
    expect(await replyStorm(db(), oneByOne)).toBe(60);
  });
  it("takes every reply with its top comment", async () => {
    expect(await deleteWhileReplying(db(), oneByOne)).toEqual([{ n: 0 }]);
  });
  it("keeps like_count and its notifications exact", async () => {
    expect(await likeStorm(db(), oneByOne)).toBe(40);
  });
  it("never pins a fourth comment", async () => {
    expect(await pinRace(db(), oneByOne)).toBe(3);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("the same at once (PostgreSQL)", () => {
  let pool: Database;
  beforeAll(() => {
    pool = openDatabase({ url: process.env.DATABASE_URL, poolMax: 10 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it("keeps reply_count and comment_count exact as replies come and go at once", async () => {
    expect(await replyStorm(pool.db, together)).toBe(60);
  });
  it("takes every reply with its top comment when it goes mid-storm", async () => {
    expect(await deleteWhileReplying(pool.db, together)).toEqual([{ n: 0 }]);
  });
  it("keeps like_count and its notifications exact under concurrent hearts", async () => {
    const n = await likeStorm(pool.db, together);
    expect(n).toBeGreaterThanOrEqual(0);
    expect(n).toBeLessThanOrEqual(40);
  });
  it("never pins a fourth comment when six pins race", async () => {
    expect(await pinRace(pool.db, together)).toBe(3);
  });
});
