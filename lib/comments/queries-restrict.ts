import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { posts, restricts } from "@/db/schema";
import { listPeopleOf, PEOPLE_PAGE } from "@/lib/follows/people";
import { pageParams } from "@/lib/pagination/page-params";
import type { Page, PersonView } from "@/lib/shared/post-views";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";

// The SQL of restrict: who restricted whom (restricts), and the comment count that follows an
// approval.

/** Whether `ownerId` restricted `userId` (their new comments on the owner's posts await approval). */
export async function isRestrictedBy(db: Executor, ownerId: string, userId: string) {
  const rows = await db
    .select({ one: sql`1` })
    .from(restricts)
    .where(and(eq(restricts.ownerId, ownerId), eq(restricts.restrictedId, userId)))
    .limit(1);
  return rows.length > 0;
}

/** True only when a row was really written. */
export async function insertRestrict(tx: Executor, ownerId: string, userId: string, now: Date) {
  const rows = await tx
    .insert(restricts)
    .values({ ownerId, restrictedId: userId, createdAt: now })
    .onConflictDoNothing()
    .returning({ ownerId: restricts.ownerId });
  return rows.length > 0;
}

/** True only when a row was really deleted. */
export async function deleteRestrict(tx: Executor, ownerId: string, userId: string) {
  const rows = await tx
    .delete(restricts)
    .where(and(eq(restricts.ownerId, ownerId), eq(restricts.restrictedId, userId)))
    .returning({ ownerId: restricts.ownerId });
  return rows.length > 0;
}

/**
 * The active accounts `ownerId` restricted, newest first, keyset (created_at, restricted id), for
 * Settings → Restricted accounts. Null when the cursor is malformed.
 */
export async function listRestricted(
  db: Executor,
  params: { ownerId: string; cursor?: string | null; limit?: number },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<Page<PersonView> | null> {
  const page = pageParams(params, PEOPLE_PAGE);
  if (!page) return null;
  const edge = {
    table: restricts,
    createdAt: restricts.createdAt,
    personId: restricts.restrictedId,
  };
  return listPeopleOf(
    db,
    { ...edge, where: eq(restricts.ownerId, params.ownerId) },
    page,
    params.ownerId,
    storage,
  );
}

/** The post's comment count as stored (a comment awaiting approval is not in it). */
export async function readCommentCount(db: Executor, postId: string) {
  const [row] = await db
    .select({ commentCount: posts.commentCount })
    .from(posts)
    .where(eq(posts.id, postId));
  return row?.commentCount ?? 0;
}
