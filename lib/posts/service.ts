import "server-only";
import { uuidv7 } from "uuidv7";
import type { Db, Executor } from "@/db/client";
import { type Cdn, noCdn } from "@/lib/cdn/types";
import { processPostPhoto } from "@/lib/images/process";
import { ImageError } from "@/lib/images/types";
import { queueEvidenceExpiry, queuePostMedia, settleMedia } from "@/lib/media/jobs";
import { notifyMentions, postMentionIds } from "@/lib/notifications/service";
import type { Notified, WithNotified } from "@/lib/notifications/types";
import { type Failure, fail, ok, type Result } from "@/lib/result";
import { POST_NOT_FOUND } from "@/lib/shared/ids";
import { variantKey } from "@/lib/shared/media";
import type { Storage } from "@/lib/storage/types";
import {
  decrementPostCount,
  deletePostRow,
  incrementPostCount,
  insertPost,
  lockPostForDelete,
  lockVisiblePost,
  updateAlt,
  updateCaption,
  updateControls,
} from "./queries";
import { claimSlots, slotMessages } from "./service-uploads";
import { syncHashtags, syncMentions, unlinkHashtags } from "./tags";
import type { CreatePostInput, SetPostControlsInput, UpdatePostInput } from "./validation";

// The writes of posts: create (from uploaded originals), edit, delete. Each runs in one
// transaction with its notifications and answers { result, notified } for the action to publish.

type Rendered = {
  mediaId: string;
  width: number;
  height: number;
  placeholder: string;
  variants: { key: string; width: number; height: number }[];
};

const GENERIC = "Some photos could not be shared.";

type CreateResult = Result<{ id: string }>;

/**
 * Turns uploaded originals into a post: claims the user's slots once, checks and processes every
 * photo (real type, pixel limit, orientation, no metadata, crop, WebP variants, placeholder), then
 * inserts the post, its media, hashtags and mentions in one transaction. On any failure nothing is
 * visible and every object written is deleted; originals are always deleted. The accounts the
 * caption @mentions are notified in the same transaction; answers those notifications too.
 */
export async function createPost(
  db: Db,
  storage: Storage,
  userId: string,
  input: Omit<CreatePostInput, keyof PostControls> & Partial<PostControls>,
  now = new Date(),
): Promise<WithNotified<CreateResult>> {
  const { aspect, caption, media, hideLikeCount = false, commentsOff = false } = input;
  const claim = await claimSlots(
    db,
    userId,
    "post",
    media.map((m) => m.slotId),
    now,
  );
  if (!claim.ok) {
    const fieldErrors: Record<string, string[]> = {};
    for (const [i, problem] of claim.problems) fieldErrors[`media.${i}`] = [slotMessages[problem]];
    return { result: fail("VALIDATION", GENERIC, fieldErrors), notified: [] };
  }
  const originals = claim.slots.map((s) => s.key);
  const postId = uuidv7();
  const written: string[] = [];
  try {
    const fieldErrors: Record<string, string[]> = {};
    const rendered = await Promise.all(
      claim.slots.map(async (slot, i): Promise<Rendered | null> => {
        const item = media[i];
        if (!item) return null;
        const stat = await storage.stat(slot.key);
        if (!stat) {
          fieldErrors[`media.${i}`] = ["This photo did not finish uploading. Try again."];
          return null;
        }
        if (stat.size > slot.maxBytes) {
          fieldErrors[`media.${i}`] = ["This photo is larger than declared."];
          return null;
        }
        const original = await storage.read(slot.key);
        if (!original) {
          fieldErrors[`media.${i}`] = ["This photo did not finish uploading. Try again."];
          return null;
        }
        try {
          const photo = await processPostPhoto(original, { aspect, crop: item.crop });
          const mediaId = uuidv7();
          const variants = [];
          for (const v of photo.variants) {
            const key = variantKey(postId, mediaId, v.width);
            written.push(key);
            await storage.write(key, v.data, "image/webp");
            variants.push({ key, width: v.width, height: v.height });
          }
          return { mediaId, variants, ...pick(photo) };
        } catch (err) {
          if (!(err instanceof ImageError)) throw err;
          fieldErrors[`media.${i}`] = [err.message];
          return null;
        }
      }),
    );
    if (Object.keys(fieldErrors).length > 0) {
      await storage.delete(written);
      return { result: fail("VALIDATION", GENERIC, fieldErrors), notified: [] };
    }
    const notified: Notified[] = await db.transaction(async (tx) => {
      await insertPost(
        tx,
        { id: postId, authorId: userId, caption, createdAt: now, hideLikeCount, commentsOff },
        (rendered as Rendered[]).map((r, position) => ({
          id: r.mediaId,
          postId,
          position,
          variants: r.variants,
          width: r.width,
          height: r.height,
          placeholder: r.placeholder,
          alt: media[position]?.alt ?? "",
        })),
      );
      await syncHashtags(tx, postId, "", caption, now);
      await syncMentions(tx, postId, userId, caption, now);
      await incrementPostCount(tx, userId);
      const userIds = await postMentionIds(tx, postId);
      return notifyMentions(tx, { actorId: userId, userIds, postId, now });
    });
    return { result: ok({ id: postId }), notified };
  } catch (err) {
    await storage.delete(written).catch((e) => console.error("cleanup of variants failed", e));
    throw err;
  } finally {
    await storage.delete(originals).catch((e) => console.error("cleanup of originals failed", e));
  }
}

const pick = (p: { width: number; height: number; placeholder: string }) => ({
  width: p.width,
  height: p.height,
  placeholder: p.placeholder,
});

/** Locks a visible post for a write by its author; anyone else gets FORBIDDEN and nothing changes. */
async function lockOwnPost(tx: Executor, postId: string, userId: string) {
  const post = await lockVisiblePost(tx, postId);
  if (!post) return fail("NOT_FOUND", POST_NOT_FOUND);
  if (post.authorId !== userId) return fail("FORBIDDEN", "You can only change your own posts.");
  return ok(post);
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
 * The author edits the caption and alt texts; tags and mentions follow the new caption, and each
 * account the new caption mentions that was not told about this post before gets a "mentioned you"
 * notification; answers the notifications created, to publish after commit.
 * With `takeMentions`, an edit that would send more than the budget allows is refused and changes
 * nothing.
 */
export async function updatePost(
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
    await updateCaption(tx, postId, caption, now);
    for (const { mediaId, alt } of alts) await updateAlt(tx, postId, mediaId, alt);
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

export type PostControls = { hideLikeCount: boolean; commentsOff: boolean };

/**
 * The author turns a post's controls on or off: hide the like count from everyone else, turn
 * comments off (existing ones hidden from everyone, the author included, new ones refused) or
 * back on. Only the settings given change; anyone else gets FORBIDDEN and nothing changes.
 * Answers the post's controls after the write.
 */
export async function setPostControls(
  db: Db,
  userId: string,
  input: SetPostControlsInput,
  now = new Date(),
): Promise<Result<PostControls>> {
  const { postId, hideLikeCount, commentsOff } = input;
  return db.transaction(async (tx) => {
    const own = await lockOwnPost(tx, postId, userId);
    if (!own.ok) return own;
    const controls = await updateControls(tx, postId, { hideLikeCount, commentsOff }, now);
    if (!controls) return fail("NOT_FOUND", POST_NOT_FOUND);
    return ok(controls);
  });
}

/**
 * What leaves the site with a post, whether its author deletes it or a moderator removes it:
 * its hashtag links (tag counts stay exact) and one from its author's post count.
 */
export async function unlistPost(tx: Executor, postId: string, authorId: string) {
  await unlinkHashtags(tx, postId);
  await decrementPostCount(tx, authorId);
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
    const post = await lockPostForDelete(tx, postId);
    // Someone else's removed post is as gone as a missing one.
    if (!post || (post.authorId !== userId && post.status !== "visible")) {
      return fail("NOT_FOUND", POST_NOT_FOUND);
    }
    if (post.authorId !== userId) return fail("FORBIDDEN", "You can only change your own posts.");
    const keys = await queuePostMedia(tx, postId, now);
    // A removed post already left tags and counts when the moderator removed it.
    if (post.status === "visible") await unlistPost(tx, postId, userId);
    else await queueEvidenceExpiry(tx, keys, now);
    await deletePostRow(tx, postId);
    return ok(undefined);
  });
  if (!result.ok) return result;
  await settleMedia(db, storage, cdn);
  return ok(undefined);
}
