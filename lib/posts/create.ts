import "server-only";
import { eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Db } from "@/db/client";
import { postMedia, posts, users } from "@/db/schema";
import { processPostPhoto } from "@/lib/images/process";
import { ImageError } from "@/lib/images/types";
import { notifyMentions, postMentionIds } from "@/lib/notifications/notify";
import type { Notified, WithNotified } from "@/lib/notifications/types";
import { fail, ok, type Result } from "@/lib/result";
import { variantKey } from "@/lib/shared/media";
import type { Storage } from "@/lib/storage/types";
import { syncHashtags, syncMentions } from "./tags";
import { claimSlots, slotMessages } from "./uploads";
import type { CreatePostInput } from "./validation";

type Rendered = {
  mediaId: string;
  width: number;
  height: number;
  placeholder: string;
  variants: { key: string; width: number; height: number }[];
};

const GENERIC = "Some photos could not be shared.";

type CreateResult = Result<{ id: string }>;

/** createPost without its notifications: see createPostAndNotify. */
export async function createPost(
  db: Db,
  storage: Storage,
  userId: string,
  input: CreatePostInput,
  now = new Date(),
): Promise<CreateResult> {
  return (await createPostAndNotify(db, storage, userId, input, now)).result;
}

/**
 * Turns uploaded originals into a post: claims the user's slots once, checks and processes every
 * photo (real type, pixel limit, orientation, no metadata, crop, WebP variants, placeholder), then
 * inserts the post, its media, hashtags and mentions in one transaction. On any failure nothing is
 * visible and every object written is deleted; originals are always deleted. The accounts the
 * caption @mentions are notified in the same transaction; answers those notifications too.
 */
export async function createPostAndNotify(
  db: Db,
  storage: Storage,
  userId: string,
  input: CreatePostInput,
  now = new Date(),
): Promise<WithNotified<CreateResult>> {
  const { aspect, caption, media } = input;
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
      await tx.insert(posts).values({ id: postId, authorId: userId, caption, createdAt: now });
      await tx.insert(postMedia).values(
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
      await tx
        .update(users)
        .set({ postCount: sql`${users.postCount} + 1` })
        .where(eq(users.id, userId));
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
