import "server-only";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { notBlockedBy, viewerRelationColumns } from "@/lib/shared/blocks";
import { avatarUrl } from "@/lib/shared/media";
import { viewerFollowsColumn } from "@/lib/shared/people";
import type { ProfileView } from "@/lib/shared/post-views";
import { viewerMaySee } from "@/lib/shared/private-accounts";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";

/**
 * The public profile of an active account by username (any letter case); null otherwise, and for
 * a viewer that account blocked (to them it does not exist). A viewer who blocked it sees the
 * header (with Unblock, viewerBlocks) but none of its posts or lists.
 */
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
      ...viewerRelationColumns(viewerId),
      viewerFollows: viewerFollowsColumn(viewerId),
      viewerRequested: viewerId
        ? sql<boolean>`exists (select 1 from follow_requests fr where fr.requester_id = ${viewerId}::uuid and fr.target_id = "users"."id")`
        : sql<boolean>`false`,
    })
    .from(users)
    .where(
      and(
        sql`lower(${users.username}) = ${name} and ${users.status} = 'active'`,
        notBlockedBy(viewerId, users.id),
      ),
    );
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
    viewerBlocks: Boolean(u.viewerBlocks),
    viewerMutes: { posts: Boolean(u.viewerMutesPosts), comments: Boolean(u.viewerMutesComments) },
    isPrivate: u.isPrivate,
    viewerFollows,
    viewerRequested: Boolean(u.viewerRequested) && !viewerFollows,
    // The blocker sees the header (with Unblock) but no posts or lists.
    viewerCanSeePosts: !u.viewerBlocks && viewerMaySee(u, viewerId, viewerFollows),
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
