import "server-only";
import type { Db } from "@/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { fieldErrorsOf } from "@/lib/users/validation";
import { deleteLike, findVisiblePost, insertLike, readLikeCount, shiftLikeCount } from "./queries";
import { POST_NOT_FOUND, type SetLikeInput, setLikeSchema } from "./validation";

/**
 * Likes or unlikes a visible post. Idempotent: like_count moves only when a like row was really
 * inserted or deleted, in the same transaction; answers the fresh count.
 */
export async function setLike(
  db: Db,
  userId: string,
  input: SetLikeInput | unknown,
  now = new Date(),
): Promise<Result<{ liked: boolean; likeCount: number }>> {
  const parsed = setLikeSchema.safeParse(input);
  if (!parsed.success) {
    return fail("VALIDATION", "Check the highlighted fields.", fieldErrorsOf(parsed.error));
  }
  const { postId, liked } = parsed.data;
  return db.transaction(async (tx) => {
    if (!(await findVisiblePost(tx, postId))) return fail("NOT_FOUND", POST_NOT_FOUND);
    const changed = liked
      ? await insertLike(tx, postId, userId, now)
      : await deleteLike(tx, postId, userId);
    const likeCount = changed
      ? await shiftLikeCount(tx, postId, liked ? 1 : -1)
      : await readLikeCount(tx, postId);
    return ok({ liked, likeCount });
  });
}
