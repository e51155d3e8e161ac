import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { avatarUrl } from "@/lib/shared/media";
import type { PersonView } from "@/lib/shared/post-views";
import type { Storage } from "@/lib/storage/types";

// Rows of people lists (followers, following, likers, suggestions, notifications' actors, search)
// become PersonView here.

export const personColumns = {
  id: users.id,
  username: users.username,
  name: users.name,
  avatarKey: users.avatarKey,
  isPrivate: users.isPrivate,
};

export type PersonRow = {
  id: string;
  username: string;
  name: string;
  avatarKey: string | null;
  isPrivate?: boolean;
};

/**
 * Whether the viewer follows the row's user, as a column of the same query (never one query per
 * row). "users"."id" is written by hand: inside a correlated subquery drizzle may leave it bare.
 */
export function viewerFollowsColumn(viewerId: string | null): SQL<boolean> {
  if (!viewerId) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from follows vf where vf.follower_id = ${viewerId} and vf.followee_id = "users"."id")`;
}

/**
 * Whether the viewer asked to follow the row's (private) user and the request is pending, as a
 * column: a probe of follow_requests' primary key (requester_id, target_id), so a list's Follow
 * button can read "Requested".
 */
export function viewerRequestedColumn(viewerId: string | null): SQL<boolean> {
  if (!viewerId) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from follow_requests vr where vr.requester_id = ${viewerId} and vr.target_id = "users"."id")`;
}

export function toPersonView(
  storage: Pick<Storage, "publicUrl">,
  row: PersonRow & { viewerFollows: boolean; viewerRequested?: boolean },
  viewerId: string | null,
  reason?: string,
): PersonView {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    avatarUrl: avatarUrl(storage, row.avatarKey),
    viewerFollows: Boolean(row.viewerFollows),
    viewerRequested: Boolean(row.viewerRequested) && !row.viewerFollows,
    isPrivate: Boolean(row.isPrivate),
    isViewer: row.id === viewerId,
    ...(reason ? { reason } : {}),
  };
}
