import { eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Db } from "@/db/client";
import { postMedia, posts, users } from "@/db/schema";
import { withTestDatabase } from "./db";

// Fast fixtures for the social tests: rows written directly, no password hashing or photo work.

let counter = 0;

type PostOptions = { status?: "visible" | "removed"; photos?: number; createdAt?: Date };
type Status = "active" | "suspended" | "deleted";
type CountedTable = "likes" | "saves" | "comments" | "follows";

/** N items, as a tuple: `const [a, b] = await insertUsers(db, 2)` types both as defined. */
type Tuple<T, N extends number, R extends T[] = []> = number extends N
  ? T[]
  : R["length"] extends N
    ? R
    : Tuple<T, N, [T, ...R]>;

/** `n` active accounts (suspended when asked), in creation order. */
export async function insertUsers<N extends number>(
  db: Db,
  n: N,
  status: Status = "active",
): Promise<Tuple<typeof users.$inferSelect, N>> {
  const rows = Array.from({ length: n }, () => {
    counter += 1;
    const tag = `${Date.now().toString(36)}${counter}`;
    return {
      id: uuidv7(),
      username: `p_${tag}`,
      email: `p${tag}@example.com`,
      passwordHash: "not-a-hash",
      name: `Person ${tag}`,
      status,
    };
  });
  return (await db.insert(users).values(rows).returning()) as Tuple<typeof users.$inferSelect, N>;
}

export async function insertUser(db: Db, status: Status = "active") {
  const [user] = await insertUsers(db, 1, status);
  if (!user) throw new Error("no user");
  return user;
}

/** A post with `photos` stored media rows (fake variant keys), visible unless asked otherwise. */
export async function insertPost(db: Db, authorId: string, opts: PostOptions = {}) {
  const id = uuidv7();
  await db.insert(posts).values({
    id,
    authorId,
    status: opts.status ?? "visible",
    createdAt: opts.createdAt ?? new Date(),
  });
  const photos = opts.photos ?? 1;
  if (photos > 0) {
    await db.insert(postMedia).values(
      Array.from({ length: photos }, (_, position) => ({
        postId: id,
        position,
        variants: [{ key: `posts/${id}/${position}-1080.webp`, width: 1080, height: 1080 }],
        width: 1080,
        height: 1080,
        placeholder: "data:image/webp;base64,AAAA",
      })),
    );
  }
  return id;
}

export async function postCounts(db: Db, postId: string) {
  const [row] = await db
    .select({ likeCount: posts.likeCount, commentCount: posts.commentCount })
    .from(posts)
    .where(eq(posts.id, postId));
  return row;
}

export async function userCounts(db: Db, userId: string) {
  const [row] = await db
    .select({ followerCount: users.followerCount, followingCount: users.followingCount })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export async function countRows(db: Db, table: CountedTable) {
  const rows = await db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows;
  return list[0]?.n ?? 0;
}

/** A storage stub: public URLs only, as the queries need. */
export const urls = { publicUrl: (key: string) => `/media/${key}` };

/** A post id no row has. */
export const MISSING_POST = "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b5a";

/** What a write on a post nobody may act on answers (see unavailablePosts). */
export const POST_NOT_FOUND = {
  ok: false,
  code: "NOT_FOUND",
  message: "This post doesn't exist or was removed.",
};

/**
 * Posts nobody may act on, each answered NOT_FOUND: missing, removed, by a suspended author.
 * For `it.each`: [label, make(authorId) -> postId].
 */
export function unavailablePosts(db: () => Db): [string, (authorId: string) => Promise<string>][] {
  return [
    ["a missing post", async () => MISSING_POST],
    ["a removed post", (authorId) => insertPost(db(), authorId, { status: "removed" })],
    [
      "a suspended author's post",
      async (authorId) => {
        const id = await insertPost(db(), authorId);
        await db().update(users).set({ status: "suspended" }).where(eq(users.id, authorId));
        return id;
      },
    ],
  ];
}

/**
 * `withTestDatabase()` for the social tests, with the fixtures above bound to its Db:
 * `const { db, insertUsers, insertPost } = withSocialDatabase()`, then `insertUsers(2)`.
 */
export function withSocialDatabase() {
  const database = withTestDatabase();
  const db = () => database.db;
  return {
    db,
    insertUsers: <N extends number>(n: N, status?: Status) => insertUsers(db(), n, status),
    insertUser: (status?: Status) => insertUser(db(), status),
    insertPost: (authorId: string, opts?: PostOptions) => insertPost(db(), authorId, opts),
    postCounts: (postId: string) => postCounts(db(), postId),
    userCounts: (userId: string) => userCounts(db(), userId),
    countRows: (table: CountedTable) => countRows(db(), table),
  };
}
