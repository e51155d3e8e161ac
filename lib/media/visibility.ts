import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { posts, users } from "@/db/schema";
import { ownerOfKey } from "./locations";

/**
 * Whether a public key may be served now: a visible post by an active author, or the current
 * avatar of an active account. One primary-key lookup. The local media route asks it on every
 * request, so a removed photo stops being served even before its object has moved.
 */
export async function isMediaServable(db: Executor, key: string): Promise<boolean> {
  const owner = ownerOfKey(key);
  if (!owner) return false;
  if (owner.kind === "post") {
    const [row] = await db
      .select({ id: posts.id })
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(
        and(eq(posts.id, owner.postId), eq(posts.status, "visible"), eq(users.status, "active")),
      );
    return row !== undefined;
  }
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.id, owner.userId), eq(users.status, "active"), eq(users.avatarKey, owner.base)),
    );
  return row !== undefined;
}
