import "server-only";
import { eq, getTableColumns, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { avatarUrl } from "@/lib/shared/media";
import { viewerFollowsColumn } from "@/lib/shared/people";
import type { ProfileView } from "@/lib/shared/post-views";
import { viewerMaySee } from "@/lib/shared/private-accounts";
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
    .select({
      ...getTableColumns(users),
      viewerFollows: viewerFollowsColumn(viewerId),
      viewerRequested: viewerId
        ? sql<boolean>`exists (select 1 from follow_requests fr where fr.requester_id = ${viewerId}::uuid and fr.target_id = "users"."id")`
        : sql<boolean>`false`,
    })
    .from(users)
    .where(sql`lower(${users.username}) = ${name} and ${users.status} = 'active'`);
  if (!u) return null;
  const viewerFollows = Boolean(u.viewerFollows);
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
    isPrivate: u.isPrivate,
    viewerFollows,
    viewerRequested: Boolean(u.viewerRequested) && !viewerFollows,
    viewerCanSeePosts: viewerMaySee(u, viewerId, viewerFollows),
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
