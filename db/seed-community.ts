// More demo people for `npm run seed`, so the first run shows the whole product: the four demo
// accounts follow each other (their home feeds), and each follows just one of these. Explore
// leaves out accounts one follows, so every demo account finds a full Explore grid of the others'
// photos, "Suggested for you" has friends of friends to offer, and the recent tagged posts make
// trending tags. Likes and comments vary per post, so the rankings have something to rank.
// Idempotent: accounts and posts are added once, follows and likes are no-ops when present.
import { and, asc, eq, inArray } from "drizzle-orm";
import { addComment } from "../lib/comments/service";
import { setFollow } from "../lib/follows/service";
import { setLike } from "../lib/likes/service";
import type { Storage } from "../lib/storage/types";
import type { Db } from "./client";
import { comments, posts, users } from "./schema";
import { seedPosts } from "./seed-posts";

const HOUR = 3600_000;

export const communityUsers = [
  {
    username: "mei.photo",
    name: "Mei Chen",
    email: "mei@demo.snapgram.local",
    bio: "Film & light · Taipei",
  },
  {
    username: "lucas.travels",
    name: "Lucas Ferreira",
    email: "lucas@demo.snapgram.local",
    bio: "Slow travel, fast shutter",
  },
  {
    username: "sofia.bakes",
    name: "Sofia Rossi",
    email: "sofia@demo.snapgram.local",
    bio: "Flour everywhere 🥐",
  },
  {
    username: "kai.surf",
    name: "Kai Nakamura",
    email: "kai@demo.snapgram.local",
    bio: "Salt water therapy 🌊",
  },
  {
    username: "noor.art",
    name: "Noor Haddad",
    email: "noor@demo.snapgram.local",
    bio: "Colour studies",
  },
  {
    username: "tomas.runs",
    name: "Tomás Silva",
    email: "tomas@demo.snapgram.local",
    bio: "Trail miles & mountain air",
  },
] as const;

/** Which community account each demo account follows (one each: the rest are to discover). */
const firstFollow: Record<string, string> = {
  ana: "mei.photo",
  "ben.k": "kai.surf",
  chloe_eats: "sofia.bakes",
  "dev.rao": "lucas.travels",
};

const remarks = ["Incredible light", "Saving this one 📌", "The colours!", "Take me there", "🔥🔥"];

/** Posts of the community accounts: four each, over the last three days. */
export async function seedCommunityPosts(db: Db, storage: Storage): Promise<number> {
  return seedPosts(db, storage, [...communityUsers], {
    perUser: 4,
    firstIndex: 4,
    hoursApart: 14,
    stagger: 3,
  });
}

/** Follows, likes and comments around the community accounts; answers how many it wrote. */
export async function seedCommunitySocial(
  db: Db,
  demoUsernames: string[],
  storage: Pick<Storage, "publicUrl"> = { publicUrl: (key) => `/media/${key}` },
) {
  const names = [...demoUsernames, ...communityUsers.map((u) => u.username)];
  const rows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, names));
  const id = new Map(rows.map((r) => [r.username, r.id]));
  const community = communityUsers.map((u) => id.get(u.username)).filter((v) => v !== undefined);
  const everyone = names.map((n) => id.get(n)).filter((v) => v !== undefined);
  const now = Date.now();
  const count = { follows: 0, likes: 0, comments: 0 };
  const follow = async (from?: string, to?: string, at = new Date(now - 5 * 24 * HOUR)) => {
    if (!from || !to || from === to) return;
    if ((await setFollow(db, from, { userId: to, follow: true }, at)).result.ok) count.follows += 1;
  };

  for (const [demo, other] of Object.entries(firstFollow))
    await follow(id.get(demo), id.get(other));
  // Each community account follows the next two, and two of the demo accounts follow back.
  for (const [i, member] of community.entries()) {
    await follow(member, community[(i + 1) % community.length]);
    await follow(member, community[(i + 2) % community.length]);
    await follow(member, id.get(demoUsernames[i % demoUsernames.length] ?? ""));
  }

  const list = await db
    .select({ id: posts.id, authorId: posts.authorId, createdAt: posts.createdAt })
    .from(posts)
    .where(inArray(posts.authorId, community))
    .orderBy(asc(posts.createdAt), asc(posts.id));
  for (const [k, post] of list.entries()) {
    // From 2 to 9 likes, more for newer posts, so Explore's ranking is not a tie.
    const likers = everyone.filter((u) => u !== post.authorId);
    const wanted = 2 + ((k * 5 + Math.floor((k * k) / 3)) % 8);
    for (const [j, liker] of likers.slice(0, wanted).entries()) {
      const at = new Date(Math.min(post.createdAt.getTime() + (j + 1) * HOUR, now - 60_000));
      if ((await setLike(db, liker, { postId: post.id, liked: true }, at)).result.ok) {
        count.likes += 1;
      }
    }
    if (k % 2 !== 0) continue;
    const commenter = likers[(k * 3) % likers.length];
    if (!commenter) continue;
    const [exists] = await db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.postId, post.id), eq(comments.authorId, commenter)));
    if (exists) continue;
    const body = remarks[k % remarks.length] ?? "Nice!";
    const at = new Date(Math.min(post.createdAt.getTime() + 3 * HOUR, now - 60_000));
    const r = await addComment(db, storage, commenter, { postId: post.id, body }, at);
    if (r.result.ok) count.comments += 1;
  }
  return count;
}
