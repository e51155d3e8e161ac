import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { postMedia, posts, users } from "@/db/schema";
import { notifyMentions, postMentionIds } from "@/lib/notifications/notify";
import type { WithNotified } from "@/lib/notifications/types";
import { type Failure, fail, ok, type Result } from "@/lib/result";
import type { Storage } from "@/lib/storage/types";
import { fieldErrorsOf } from "@/lib/users/validation";
import { syncHashtags, syncMentions, unlinkHashtags } from "./tags";
import { postIdSchema, type UpdatePostInput, updatePostSchema } from "./validation";

const NOT_FOUND = "This post doesn't exist or was removed.";

/** Locks a visible post for a write by its author; anyone else gets FORBIDDEN and nothing changes. */
async function lockOwnPost(tx: Executor, postId: string, userId: string) {
  const [post] = await tx
    .select({ id: posts.id, authorId: posts.authorId, caption: posts.caption })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.status, "visible")))
    .for("update");
  if (!post) return fail("NOT_FOUND", NOT_FOUND);
  if (post.authorId !== userId) return fail("FORBIDDEN", "You can only change your own posts.");
  return ok(post);
}

/** The author edits the caption and alt texts; tags and mentions follow the new caption. */
export async function updatePost(
  db: Db,
  userId: string,
  input: UpdatePostInput | unknown,
  now = new Date(),
): Promise<Result<undefined>> {
  return (await updatePostAndNotify(db, userId, input, now)).result;
}

/** How many new mention notifications an edit may send, and the answer when it would send more. */
export type MentionBudget = { left: number; refusal: Failure };

/** Thrown inside the transaction to roll the edit back when its mentions are over budget. */
class OverBudget extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

/**
 * updatePost, plus a "mentioned you" notification to each account the new caption mentions that
 * was not told about this post before; answers the notifications created, to publish after commit.
 * With a mention budget, an edit that would send more than it allows is refused and changes nothing.
 */
export async function updatePostAndNotify(
  db: Db,
  userId: string,
  input: UpdatePostInput | unknown,
  now = new Date(),
  limits: { mentionBudget?: MentionBudget } = {},
): Promise<WithNotified<Result<undefined>>> {
  const parsed = updatePostSchema.safeParse(input);
  if (!parsed.success) {
    const result = fail("VALIDATION", "Check the highlighted fields.", fieldErrorsOf(parsed.error));
    return { result, notified: [] };
  }
  const { postId, caption, alts } = parsed.data;
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
    const budget = limits.mentionBudget;
    if (budget && notified.length > budget.left) throw new OverBudget(budget.refusal);
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

/** The author deletes a post: rows in one transaction, then its stored photos. */
export async function deletePost(
  db: Db,
  storage: Storage,
  userId: string,
  postId: unknown,
): Promise<Result<undefined>> {
  const id = postIdSchema.safeParse(postId);
  if (!id.success) return fail("NOT_FOUND", NOT_FOUND);
  const result = await db.transaction(async (tx) => {
    const own = await lockOwnPost(tx, id.data, userId);
    if (!own.ok) return own;
    const media = await tx
      .select({ variants: postMedia.variants })
      .from(postMedia)
      .where(eq(postMedia.postId, id.data));
    await unlistPost(tx, id.data, userId);
    await tx.delete(posts).where(eq(posts.id, id.data));
    return ok(media.flatMap((m) => m.variants.map((v) => v.key)));
  });
  if (!result.ok) return result;
  await storage
    .delete(result.data)
    .catch((err) => console.error("deleting a post's photos failed", err));
  return ok(undefined);
}
