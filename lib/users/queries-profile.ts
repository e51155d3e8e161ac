import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { avatarUrl } from "@/lib/shared/media";
import type { ProfileView } from "@/lib/shared/post-views";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";

/** The public profile of an active account by username (any letter case); null otherwise. */
export async function getProfileView(
  db: Executor,
  username: string,
  viewerId: string | null,
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<ProfileView | null> {
  const name = username.trim().toLowerCase();
  if (!/^[a-z0-9._]{1,30}$/.test(name)) return null;
  const [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${name} and ${users.status} = 'active'`);
  if (!u) return null;
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    bio: u.bio,
    website: u.website,
    avatarUrl: avatarUrl(storage, u.avatarKey),
    postCount: u.postCount,
    followerCount: u.followerCount,
    followingCount: u.followingCount,
    viewerIsSelf: viewerId === u.id,
  };
}

/** What the edit-profile page pre-fills for the signed-in user. */
export async function getEditableProfile(
  db: Executor,
  userId: string,
  storage: Pick<Storage, "publicUrl"> = getStorage(),
) {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) return null;
  return {
    name: u.name,
    username: u.username,
    bio: u.bio,
    website: u.website,
    avatarUrl: avatarUrl(storage, u.avatarKey),
    email: u.email,
  };
}
