import { eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Db } from "@/db/client";
import { follows, postMedia, posts, users } from "@/db/schema";
import { syncHashtags } from "@/lib/posts/tags";

// Rows for the discover and search tests, written directly at a fixed clock.

export const T0 = new Date("2026-03-01T12:00:00.000Z");
export const hoursAgo = (h: number, from = T0) => new Date(from.getTime() - h * 3_600_000);
export const storage = { publicUrl: (key: string) => `https://cdn.test/${key}` };

let seq = 0;
/** An account; `username` and `name` as given (a suffix keeps usernames unique when asked). */
export async function person(
  db: Db,
  opts: { username?: string; name?: string; status?: "active" | "suspended" } = {},
) {
  seq += 1;
  const username = opts.username ?? `u${seq}_${Date.now().toString(36)}`;
  const [row] = await db
    .insert(users)
    .values({
      username,
      email: `${username.replace(/[^a-z0-9]/gi, "")}${seq}@x.test`,
      passwordHash: "-",
      name: opts.name ?? `Person ${seq}`,
      status: opts.status ?? "active",
    })
    .returning({ id: users.id, username: users.username });
  if (!row) throw new Error("no user");
  return row;
}

export type NewPost = {
  author: string;
  hoursAgo?: number;
  likes?: number;
  comments?: number;
  caption?: string;
  status?: "visible" | "removed";
  at?: Date;
};

/** Posts with one photo each (and their hashtags, linked as createPost does). */
export async function addPosts(db: Db, list: NewPost[]): Promise<string[]> {
  const ids: string[] = [];
  for (const p of list) {
    const id = uuidv7();
    const createdAt = p.at ?? hoursAgo(p.hoursAgo ?? 1);
    await db.transaction(async (tx) => {
      await tx.insert(posts).values({
        id,
        authorId: p.author,
        caption: p.caption ?? "",
        status: p.status ?? "visible",
        likeCount: p.likes ?? 0,
        commentCount: p.comments ?? 0,
        createdAt,
      });
      await tx.insert(postMedia).values({
        postId: id,
        position: 0,
        variants: [{ key: `posts/${id}/a-1080.webp`, width: 1080, height: 1080 }],
        width: 1080,
        height: 1080,
        placeholder: "data:image/webp;base64,AA",
      });
      if (p.caption) await syncHashtags(tx, id, "", p.caption, createdAt);
    });
    ids.push(id);
  }
  return ids;
}

export async function follow(db: Db, follower: string, ...followees: string[]) {
  await db
    .insert(follows)
    .values(followees.map((followeeId) => ({ followerId: follower, followeeId })));
  await db
    .update(users)
    .set({
      followingCount: sql`(select count(*) from follows f where f.follower_id = ${follower})`,
    })
    .where(eq(users.id, follower));
}

export const suspend = (db: Db, id: string) =>
  db.update(users).set({ status: "suspended" }).where(eq(users.id, id));

export const setLikes = (db: Db, id: string, likeCount: number) =>
  db.update(posts).set({ likeCount }).where(eq(posts.id, id));
