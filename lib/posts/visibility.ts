import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { posts, users } from "@/db/schema";
import { notBlockedBetween } from "@/lib/shared/blocks";

/**
 * A post people may react to (like, save, comment): visible, by an active author, and, for a
 * viewer, by an author who neither blocked the viewer nor was blocked by them. Null for anything
 * else, so a removed post, a suspended author's post and a post across a block read as missing.
 * No viewer (moderation): visibility alone.
 */
export async function findVisiblePost(
  db: Executor,
  postId: string,
  viewerId: string | null = null,
) {
  const [row] = await db
    .select({ id: posts.id, authorId: posts.authorId })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        eq(posts.id, postId),
        eq(posts.status, "visible"),
        eq(users.status, "active"),
        notBlockedBetween(viewerId, posts.authorId),
      ),
    );
  return row ?? null;
}
