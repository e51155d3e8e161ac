import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { postMedia, posts, users } from "@/db/schema";
import { type Cdn, noCdn } from "@/lib/cdn/types";
import { queueEvidenceExpiry, queuePostMedia, settleMedia } from "@/lib/media/jobs";
import { notifyMentions, postMentionIds } from "@/lib/notifications/notify";
import type { WithNotified } from "@/lib/notifications/types";
import type { UpdatePostInput } from "@/lib/posts/validation";
import { type Failure, fail, ok, type Result } from "@/lib/result";
import { POST_NOT_FOUND } from "@/lib/shared/ids";
import type { Storage } from "@/lib/storage/types";
import { syncHashtags, syncMentions, unlinkHashtags } from "./tags";

/** Locks a visible post for a write by its author; anyone else gets FORBIDDEN and nothing changes. */
async function lockOwnPost(tx: Executor, postId: string, userId: string) {
  const [post] = await tx
    .select({ id: posts.id, authorId: posts.authorId, caption: posts.caption })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.status, "visible")))
    .for("update");
  if (!post) return fail("NOT_FOUND", POST_NOT_FOUND);
  if (post.authorId !== userId) return fail("FORBIDDEN", "You can only change your own posts.");
  return ok(post);
}

/** The author edits the caption and alt texts; tags and mentions follow the new caption. */
export async function updatePost(
  db: Db,
  userId: string,
  input: UpdatePostInput,
  now = new Date(),
): Promise<Result<undefined>> {
  return (await updatePostAndNotify(db, userId, input, now)).result;
}

/**
 * Takes the new mention notifications an edit sends from the author's budget (atomically), or
 * answers the refusal when they would go over it.
 */
export type TakeMentions = (count: number) => Promise<Failure | null>;

/** Thrown inside the transaction to roll the edit back when its mentions are over budget. */
class OverBudget extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/**
 * updatePost, plus a "mentioned you" notification to each account the new caption mentions that
 * was not told about this post before; answers the notifications created, to publish after commit.
 * With `takeMentions`, an edit that would send more than the budget allows is refused and changes
 * nothing.
 */
export async function updatePostAndNotify(
  db: Db,
  userId: string,
  input: UpdatePostInput,
  now = new Date(),
  limits: { takeMentions?: TakeMentions } = {},
): Promise<WithNotified<Result<undefined>>> {
  const { postId, caption, alts } = input;
  const run = db.transaction(async (tx) => {
    const own = await lockOwnPost(tx, postId, userId);
    if (!own.ok) return { result: own, notified: [] };
    await tx.update(posts).set({ caption, updatedAt: now }).where(eq(posts.id, postId));
    for (const { mediaId, alt } of alts) {
      await tx
        .update(postMedia)
        .set({ alt })
        .where(and(eq(postMedia.id, mediaId), eq(postMedia.postId, postId)));
    }
    await syncHashtags(tx, postId, own.data.caption, caption, now);
    await syncMentions(tx, postId, userId, caption, now);
    const userIds = await postMentionIds(tx, postId);
    const notified = await notifyMentions(tx, { actorId: userId, userIds, postId, now });
    // Last step before commit: the edit is refused whole when its new mentions are over budget.
    const refused = await limits.takeMentions?.(notified.length);
    if (refused) throw new OverBudget(refused);
    return { result: ok(undefined), notified };
  });
  return run.catch((err: unknown) => {
    if (err instanceof OverBudget) return { result: err.failure, notified: [] };
    throw err;
  });
}

/**
 * What leaves the site with a post, whether its author deletes it or a moderator removes it:
 * its hashtag links (tag counts stay exact) and one from its author's post count.
 */
export async function unlistPost(tx: Executor, postId: string, authorId: string) {
  await unlinkHashtags(tx, postId);
  await tx
    .update(users)
    .set({ postCount: sql`greatest(${users.postCount} - 1, 0)` })
    .where(eq(users.id, authorId));
}

/**
 * The author deletes a post, shown or removed by a moderator: its rows in one transaction, then
 * its photos (queued in that transaction, carried out after commit, retried by maintenance if
 * storage fails). A removed post's evidence copy stays for moderators EVIDENCE_RETENTION_DAYS.
 */
export async function deletePost(
  db: Db,
  storage: Storage,
  userId: string,
  postId: string,
  cdn: Cdn = noCdn,
  now = new Date(),
): Promise<Result<undefined>> {
  const result = await db.transaction(async (tx) => {
    const [post] = await tx
      .select({ authorId: posts.authorId, status: posts.status })
      .from(posts)
      .where(eq(posts.id, postId))
      .for("update");
    // Someone else's removed post is as gone as a missing one.
    if (!post || (post.authorId !== userId && post.status !== "visible")) {
      return fail("NOT_FOUND", POST_NOT_FOUND);
    }
    if (post.authorId !== userId) return fail("FORBIDDEN", "You can only change your own posts.");
    const keys = await queuePostMedia(tx, postId, now);
    // A removed post already left tags and counts when the moderator removed it.
    if (post.status === "visible") await unlistPost(tx, postId, userId);
    else await queueEvidenceExpiry(tx, keys, now);
    await tx.delete(posts).where(eq(posts.id, postId));
    return ok(undefined);
  });
  if (!result.ok) return result;
  await settleMedia(db, storage, cdn);
  return ok(undefined);
}
