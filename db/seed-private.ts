// A private account for `npm run seed`, so the first run shows private accounts: priya.hikes is
// private (a lock on her profile, her photos only for her followers), one community account
// follows her (approved), and the demo user ana has asked to follow her: ana's profile view says
// "Requested", and signing in as priya shows "Follow requests (1)" with Confirm / Delete. Her
// posts never reach Explore or trending tags, so every demo account's Explore stays as full.
// Idempotent: the account and its posts are added once; follows and requests are no-ops when present.
import { eq } from "drizzle-orm";
import { setFollow } from "../lib/follows/service";
import { setPrivateAccount } from "../lib/follows/service-requests";
import type { Storage } from "../lib/storage/types";
import type { Db } from "./client";
import { users } from "./schema";
import { seedPosts } from "./seed-posts";

export const privateUsers = [
  {
    username: "priya.hikes",
    name: "Priya Nair",
    email: "priya@demo.snapgram.local",
    bio: "Close friends only · private account",
  },
] as const;

/** The private account's posts: three, over the last days (before it goes private). */
export async function seedPrivatePosts(db: Db, storage: Storage): Promise<number> {
  return seedPosts(db, storage, [...privateUsers], {
    perUser: 3,
    firstIndex: 11,
    hoursApart: 20,
    stagger: 5,
  });
}

const idOf = async (db: Db, username: string) =>
  (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id;

/** priya.hikes goes private, mei.photo follows her, ana's request waits for her answer. */
export async function seedPrivateSocial(db: Db) {
  const [priya, mei, ana] = await Promise.all(
    ["priya.hikes", "mei.photo", "ana"].map((name) => idOf(db, name)),
  );
  if (!priya) return;
  const at = new Date(Date.now() - 2 * 24 * 3600_000);
  // The follower first (a follow of a public account), then private, then the request.
  const [row] = await db
    .select({ isPrivate: users.isPrivate })
    .from(users)
    .where(eq(users.id, priya));
  if (!row?.isPrivate) {
    if (mei) await setFollow(db, mei, { userId: priya, follow: true }, at);
    await setPrivateAccount(db, priya, { isPrivate: true });
    if (ana)
      await setFollow(db, ana, { userId: priya, follow: true }, new Date(Date.now() - 3600_000));
  }
}
