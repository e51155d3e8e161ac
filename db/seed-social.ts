// Demo social activity for `npm run seed`: the demo accounts follow each other, like and comment
// on each other's posts, through the real services, so counters and notifications are exact.
// Idempotent: follows and likes are no-ops when present, a comment is added once.
import { and, asc, eq, inArray, isNull, lt } from "drizzle-orm";
import { addComment } from "../lib/comments/service";
import { setFollow } from "../lib/follows/service";
import { setLike } from "../lib/likes/service";
import type { Storage } from "../lib/storage/types";
import type { Db } from "./client";
import { comments, notifications, posts, users } from "./schema";

const HOUR = 3600_000;

const remarks = [
  "This is stunning 😍",
  "Love the colours here",
  "Where was this taken?",
  "Wow, need to go there!",
  "So good 🔥",
];

/** Before `now`, never in the future (posts are seeded in the past). */
const atMost = (t: number, now: number) => new Date(Math.min(t, now - 60_000));

/** Follows, likes and comments among `usernames`; answers how many of each it wrote. */
export async function seedSocial(
  db: Db,
  usernames: string[],
  storage: Pick<Storage, "publicUrl"> = { publicUrl: (key) => `/media/${key}` },
) {
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, usernames));
  if (people.length < 2) return { follows: 0, likes: 0, comments: 0 };
  people.sort((a, b) => usernames.indexOf(a.username) - usernames.indexOf(b.username));
  const now = Date.now();
  const count = { follows: 0, likes: 0, comments: 0 };

  // Everyone follows everyone, spread over the last week.
  for (const [i, a] of people.entries()) {
    for (const [j, b] of people.entries()) {
      if (a.id === b.id) continue;
      const at = new Date(now - (7 * 24 - (i * people.length + j) * 5) * HOUR);
      const r = (await setFollow(db, a.id, { userId: b.id, follow: true }, at)).result;
      if (r.ok) count.follows += 1;
    }
  }

  const list = await db
    .select({ id: posts.id, authorId: posts.authorId, createdAt: posts.createdAt })
    .from(posts)
    .where(
      inArray(
        posts.authorId,
        people.map((p) => p.id),
      ),
    )
    .orderBy(asc(posts.createdAt), asc(posts.id));

  for (const [k, post] of list.entries()) {
    const others = people.filter((p) => p.id !== post.authorId);
    // Each post gets two or three likes (one liker skipped in turn, none every fourth time).
    for (const [j, liker] of others.entries()) {
      if (j === (k + Math.floor(k / 4)) % 4) continue;
      const at = atMost(post.createdAt.getTime() + (j + 1) * 2.5 * HOUR, now);
      const r = (await setLike(db, liker.id, { postId: post.id, liked: true }, at)).result;
      if (r.ok) count.likes += 1;
    }
    // Every third post gets a comment; some mention the author's next friend.
    if (k % 3 !== 0) continue;
    const commenter = others[k % others.length];
    if (!commenter) continue;
    const friend = others[(k + 1) % others.length];
    const body =
      k % 2 === 0 && friend && friend.id !== commenter.id
        ? `${remarks[k % remarks.length]} @${friend.username} look!`
        : (remarks[k % remarks.length] ?? "Nice!");
    const [exists] = await db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.postId, post.id), eq(comments.authorId, commenter.id)));
    if (exists) continue;
    const at = atMost(post.createdAt.getTime() + 4 * HOUR, now);
    const r = (await addComment(db, storage, commenter.id, { postId: post.id, body }, at)).result;
    if (r.ok) count.comments += 1;
  }

  // What happened more than three days ago was seen already: the demo shows new and earlier.
  await db
    .update(notifications)
    .set({ readAt: new Date(now) })
    .where(
      and(
        inArray(
          notifications.recipientId,
          people.map((p) => p.id),
        ),
        isNull(notifications.readAt),
        lt(notifications.createdAt, new Date(now - 72 * HOUR)),
      ),
    );
  return count;
}
