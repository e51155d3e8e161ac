import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { posts, users } from "@/db/schema";

/**
 * A post people may react to (like, save, comment): visible, by an active author. Null for
 * anything else, so a removed post and a suspended author's post read as missing. With the
 * author's per-post controls (a hidden like count, comments turned off).
 */
export async function findVisiblePost(db: Executor, postId: string) {
  const [row] = await db
    .select({
      id: posts.id,
      authorId: posts.authorId,
      hideLikeCount: posts.hideLikeCount,
      commentsOff: posts.commentsOff,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.id, postId), eq(posts.status, "visible"), eq(users.status, "active")));
  return row ?? null;
}
