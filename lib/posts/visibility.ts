import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { posts, users } from "@/db/schema";
import { isBlockedBetween, notBlockedBetween } from "@/lib/shared/blocks";
import { canSeePostsOf } from "@/lib/shared/private-accounts";

/**
 * A post `viewerId` may react to (like, save, comment, report) or list the likers and comments of:
 * visible, by an active author, by an author who neither blocked the viewer nor was blocked by
 * them, and, when the author's account is private, the viewer is the author or follows them. Null
 * for anything else, so a removed post, a suspended author's post, a post across a block and a
 * private account's post seen by a non-follower all read as missing. `viewerId` null: a signed-out
 * reader (public accounts only); "moderator": a moderator's decision, who sees all. With the
 * author's per-post controls (a hidden like count, comments turned off).
 */
export async function findVisiblePost(
  db: Executor,
  postId: string,
  viewerId: string | null | "moderator",
) {
  const [row] = await db
    .select({
      id: posts.id,
      authorId: posts.authorId,
      hideLikeCount: posts.hideLikeCount,
      commentsOff: posts.commentsOff,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        eq(posts.id, postId),
        eq(posts.status, "visible"),
        eq(users.status, "active"),
        viewerId === "moderator" ? undefined : notBlockedBetween(viewerId, posts.authorId),
        viewerId === "moderator"
          ? undefined
          : canSeePostsOf(viewerId, posts.authorId, users.isPrivate),
      ),
    );
  return row ?? null;
}

/**
 * findVisiblePost for a write by `actorId` (a like, a save, a comment), inside its transaction.
 * setBlock locks both accounts FOR UPDATE before it writes: holding KEY SHARE on the author's row
 * until this write commits, a block that starts meanwhile waits for it (and then removes what it
 * wrote), and a block that committed while this waited is seen by the check after the lock. So a
 * like racing a block never survives it. Ordinary writes to the author's row (counters) do not
 * conflict with KEY SHARE.
 */
export async function findVisiblePostForWrite(db: Executor, postId: string, actorId: string) {
  const post = await findVisiblePost(db, postId, actorId);
  if (!post || post.authorId === actorId) return post;
  await db.select({ id: users.id }).from(users).where(eq(users.id, post.authorId)).for("key share");
  return (await isBlockedBetween(db, actorId, post.authorId)) ? null : post;
}
