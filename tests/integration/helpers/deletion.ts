import { readdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Db } from "@/db/client";
import { postMedia, posts } from "@/db/schema";
import { avatarKeys } from "@/lib/shared/media";
import type { Storage } from "@/lib/storage/types";
import { insertUsers } from "./social";

// Fixtures of the account-deletion tests: an account with a lot of activity written by bulk
// inserts, the counters then set from the rows (consistent), and the check that compares every
// stored counter with a COUNT(*) recomputation.

const rowsOf = <T>(r: unknown): T[] =>
  Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []);

/** Every file under a local storage folder, as storage keys. */
export function storedKeys(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.parentPath.includes(`${path.sep}.tmp`))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

/** Sets every stored counter from the rows it counts. */
export async function recount(db: Db) {
  await db.execute(sql`
    update posts p set
      like_count = (select count(*) from likes l where l.post_id = p.id),
      comment_count = (select count(*) from comments c left join comments t on t.id = c.parent_id
          where c.post_id = p.id and c.status = 'visible' and not c.pending_approval
            and (c.parent_id is null or t.status = 'visible'))`);
  await db.execute(sql`
    update comments c set
      reply_count = (select count(*) from comments r
        where r.parent_id = c.id and r.status = 'visible' and not r.pending_approval),
      like_count = (select count(*) from comment_likes l where l.comment_id = c.id)`);
  await db.execute(sql`
    update users u set
      follower_count = (select count(*) from follows f where f.followee_id = u.id),
      following_count = (select count(*) from follows f where f.follower_id = u.id),
      post_count = (select count(*) from posts p where p.author_id = u.id and p.status = 'visible')`);
  await db.execute(sql`
    update hashtags h set post_count = (select count(*) from post_hashtags ph where ph.hashtag_id = h.id)`);
}

/** Every stored counter that differs from its COUNT(*) recomputation (none: all exact). */
export async function counterMismatches(db: Db): Promise<string[]> {
  const rows = rowsOf<{ what: string }>(
    await db.execute(sql`
      select 'like_count of post ' || p.id as what from posts p
        where p.like_count <> (select count(*) from likes l where l.post_id = p.id)
      union all
      select 'comment_count of post ' || p.id from posts p
        where p.comment_count <> (select count(*) from comments c left join comments t on t.id = c.parent_id
          where c.post_id = p.id and c.status = 'visible' and not c.pending_approval
            and (c.parent_id is null or t.status = 'visible'))
      union all
      select 'reply_count of comment ' || c.id from comments c
        where c.reply_count <> (select count(*) from comments r
          where r.parent_id = c.id and r.status = 'visible' and not r.pending_approval)
      union all
      select 'like_count of comment ' || c.id from comments c
        where c.like_count <> (select count(*) from comment_likes l where l.comment_id = c.id)
      union all
      select 'follower_count of ' || u.username from users u
        where u.follower_count <> (select count(*) from follows f where f.followee_id = u.id)
      union all
      select 'following_count of ' || u.username from users u
        where u.following_count <> (select count(*) from follows f where f.follower_id = u.id)
      union all
      select 'post_count of ' || u.username from users u
        where u.post_count <> (select count(*) from posts p
          where p.author_id = u.id and p.status = 'visible')
      union all
      select 'post_count of #' || h.tag from hashtags h
        where h.post_count <> (select count(*) from post_hashtags ph where ph.hashtag_id = h.id)`),
  );
  return rows.map((r) => r.what);
}

/** Stores one object per key (fake bytes), as the photo pipeline would have. */
export async function storeAll(storage: Storage, keys: string[]) {
  for (const key of keys) await storage.write(key, Buffer.from(`bytes of ${key}`), "image/webp");
}

/**
 * A busy account: 1,000 likes, 200 comments (10 removed, 10 awaiting approval) and 20 replies,
 * 20 comment hearts (and 20 replies and hearts from someone else on its comments), 150 follows each
 * way (300), 5 own posts with two stored photo variants, tags, others' likes and comments, an
 * avatar and a pending upload in storage. Others have activity too. Counters set from the rows.
 * Answers the account, the others' posts and every storage key that belongs to the account.
 */
export async function busyAccount(db: Db, storage: Storage) {
  const [busy] = await insertUsers(db, 1);
  if (!busy) throw new Error("no user");
  const people = await insertUsers(db, 300);
  const others = people.slice(0, 50);
  const now = Date.now();
  const postRows = others.flatMap((o, i) =>
    Array.from({ length: 20 }, (_, j) => ({
      id: uuidv7(),
      authorId: o.id,
      createdAt: new Date(now - (i * 20 + j) * 1000),
    })),
  );
  await db.insert(posts).values(postRows);
  const at = (i: number) => new Date(now - i * 10);
  // Bulk: the account's likes, comments and follows.
  await db.execute(sql`insert into likes (user_id, post_id, created_at)
    select ${busy.id}::uuid, id, now() from posts where author_id <> ${busy.id}::uuid`);
  const commented = postRows.slice(0, 200);
  await db.execute(sql`insert into comments (id, post_id, author_id, body, status, pending_approval, created_at)
    values ${sql.join(
      commented.map(
        (p, i) =>
          sql`(${uuidv7()}::uuid, ${p.id}::uuid, ${busy.id}::uuid, ${`comment ${i}`},
            ${i < 10 ? "removed" : "visible"}::comment_status, ${i >= 10 && i < 20}, ${at(i).toISOString()}::timestamptz)`,
      ),
      sql`, `,
    )}`);
  const followees = people.slice(0, 150);
  const followers = people.slice(150, 300);
  await db.execute(
    sql`insert into follows (follower_id, followee_id) values ${sql.join(
      [
        ...followees.map((f) => sql`(${busy.id}::uuid, ${f.id}::uuid)`),
        ...followers.map((f) => sql`(${f.id}::uuid, ${busy.id}::uuid)`),
      ],
      sql`, `,
    )}`,
  );
  // Others' activity, which must stay counted: likes and comments on others' posts, follows.
  await db.execute(sql`insert into likes (user_id, post_id)
    select u.id, p.id from (select id from users where id <> ${busy.id}::uuid limit 5) u
    cross join (select id from posts limit 100) p`);
  await db.execute(sql`insert into comments (id, post_id, author_id, body)
    select gen_random_uuid(), p.id, ${others[1]?.id ?? ""}::uuid, 'kept' from (select id from posts limit 30) p`);
  // Threads both ways: the account hearts and replies to 20 of the kept comments; someone else
  // replies to and hearts 20 of the account's comments (a reply under a removed one among them).
  await db.execute(sql`insert into comment_likes (comment_id, user_id)
    select id, ${busy.id}::uuid from comments where body = 'kept' limit 20`);
  await db.execute(sql`insert into comments (id, post_id, author_id, body, parent_id)
    select gen_random_uuid(), c.post_id, ${busy.id}::uuid, 'a reply', c.id
    from (select id, post_id from comments where body = 'kept' limit 20) c`);
  await db.execute(sql`insert into comments (id, post_id, author_id, body, parent_id)
    select gen_random_uuid(), c.post_id, ${others[3]?.id ?? ""}::uuid, 'reply to the account', c.id
    from (select id, post_id from comments where author_id = ${busy.id}::uuid
      and parent_id is null order by created_at desc limit 20 offset 5) c`);
  await db.execute(sql`insert into comment_likes (comment_id, user_id)
    select id, ${others[3]?.id ?? ""}::uuid from comments
    where author_id = ${busy.id}::uuid and parent_id is null limit 20`);
  await db.execute(sql`insert into follows (follower_id, followee_id)
    select a.id, b.id from (select id from users where id <> ${busy.id}::uuid limit 10) a
    cross join (select id from users where id <> ${busy.id}::uuid offset 10 limit 10) b`);
  // The account's own posts: photos, tags, and others' likes and comments on them.
  const keys: string[] = [];
  const own: string[] = [];
  for (let i = 0; i < 5; i++) {
    const id = uuidv7();
    own.push(id);
    await db
      .insert(posts)
      .values({ id, authorId: busy.id, status: i === 4 ? "removed" : "visible" });
    const variants = [1080, 640].map((width) => ({
      key: `posts/${id}/m${i}-${width}.webp`,
      width,
      height: width,
    }));
    await db
      .insert(postMedia)
      .values({ postId: id, position: 0, variants, width: 1080, height: 1080, placeholder: "" });
    if (i === 4) keys.push(...variants.map((v) => `evidence/${v.key}`));
    else keys.push(...variants.map((v) => v.key));
  }
  await db.execute(
    sql`insert into hashtags (id, tag) values (gen_random_uuid(), 'erased'), (gen_random_uuid(), 'kept') on conflict do nothing`,
  );
  await db.execute(sql`insert into post_hashtags (post_id, hashtag_id)
    select p.id, h.id from posts p cross join hashtags h
    where p.author_id = ${busy.id}::uuid and p.status = 'visible'`);
  await db.execute(sql`insert into post_hashtags (post_id, hashtag_id)
    select ${postRows[0]?.id ?? ""}::uuid, id from hashtags where tag = 'kept'`);
  await db.execute(sql`insert into likes (user_id, post_id)
    select u.id, p.id from (select id from users where id <> ${busy.id}::uuid limit 20) u
    cross join (select id from posts where author_id = ${busy.id}::uuid) p`);
  await db.execute(sql`insert into comments (id, post_id, author_id, body)
    select gen_random_uuid(), p.id, ${others[2]?.id ?? ""}::uuid, 'on the erased post' from posts p
    where p.author_id = ${busy.id}::uuid`);
  const avatar = `avatars/${busy.id}/a1`;
  await db.execute(sql`update users set avatar_key = ${avatar} where id = ${busy.id}::uuid`);
  keys.push(...avatarKeys(avatar));
  const upload = `uploads/${busy.id}/${uuidv7()}`;
  await db.execute(sql`insert into upload_slots (id, user_id, purpose, key, content_type, max_bytes, expires_at)
    values (gen_random_uuid(), ${busy.id}::uuid, 'post', ${upload}, 'image/jpeg', 1000, now() + interval '1 hour')`);
  keys.push(upload);
  await storeAll(storage, keys);
  // Someone else's photo, which must stay.
  await storeAll(storage, [`posts/${postRows[0]?.id}/x-1080.webp`]);
  await recount(db);
  return { busy, own, keys, postIds: postRows.map((p) => p.id) };
}

/** The account "deleted" that long ago (days), as its owner's delete would have left it. */
export async function markDeleted(db: Db, userId: string, daysAgo: number) {
  await db.execute(sql`update users set status = 'deleted',
    deleted_at = now() - make_interval(days => ${daysAgo}) where id = ${userId}::uuid`);
}
