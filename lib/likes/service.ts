import "server-only";
import type { Db } from "@/db/client";
import { deleteLike, insertLike, readLikeCount, shiftLikeCount } from "@/lib/likes/queries";
import type { SetLikeInput } from "@/lib/likes/validation";
import { notifyLike, unnotifyLike } from "@/lib/notifications/service";
import type { Notified, WithNotified } from "@/lib/notifications/types";
import { findVisiblePostForWrite } from "@/lib/posts/visibility";
import { fail, ok, type Result } from "@/lib/result";
import { POST_NOT_FOUND } from "@/lib/shared/ids";

/** `likeCount` is 0 for anyone but the author when the author hid it (`likeCountHidden`). */
type LikeResult = Result<{ liked: boolean; likeCount: number; likeCountHidden: boolean }>;

/**
 * Likes or unlikes a visible post. Idempotent: like_count moves only when a like row was really
 * inserted or deleted, in the same transaction, with the author's "liked your photo" notification
 * written (or, on unlike, taken back); answers the fresh count and the notifications to publish
 * after commit. A like count the author hid is answered to the author only.
 */
export async function setLike(
  db: Db,
  userId: string,
  input: SetLikeInput,
  now = new Date(),
): Promise<WithNotified<LikeResult>> {
  const { postId, liked } = input;
  return db.transaction(async (tx) => {
    const post = await findVisiblePostForWrite(tx, postId, userId);
    if (!post) return { result: fail("NOT_FOUND", POST_NOT_FOUND), notified: [] };
    const changed = liked
      ? await insertLike(tx, postId, userId, now)
      : await deleteLike(tx, postId, userId);
    let notified: Notified[] = [];
    let unnotified: string[] = [];
    if (changed) {
      const about = { actorId: userId, postId, postAuthorId: post.authorId };
      if (liked) notified = await notifyLike(tx, { ...about, now });
      else unnotified = await unnotifyLike(tx, about);
    }
    const { likeCount, hideLikeCount: likeCountHidden } = changed
      ? await shiftLikeCount(tx, postId, liked ? 1 : -1)
      : await readLikeCount(tx, postId);
    const shown = likeCountHidden && post.authorId !== userId ? 0 : likeCount;
    return { result: ok({ liked, likeCount: shown, likeCountHidden }), notified, unnotified };
  });
}
