import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { uploadSlots } from "@/db/schema";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Whether the upload slot of an object key (uploads/<user>/<slot id>, see originalKey) still takes
 * its upload: handed out, not yet claimed by a post or an avatar, not expired. The local upload
 * route refuses a PUT otherwise, though the signed URL itself stays valid until it expires.
 *
 * S3 cannot be asked: a presigned PUT works until it expires, however often it is used. There
 * createPost reads the original once, when it claims the slot, and publishes only the variants it
 * made from those bytes; a later PUT lands in uploads/ (never served) and the original is deleted
 * by the upload sweep. UPLOAD_URL_TTL_SECONDS (default 10 minutes) bounds that window.
 */
export async function isUploadSlotOpen(db: Executor, key: string, now = new Date()) {
  const slotId = key.split("/")[2] ?? "";
  if (!uuid.test(slotId)) return false;
  const [slot] = await db
    .select({ id: uploadSlots.id })
    .from(uploadSlots)
    .where(
      and(
        eq(uploadSlots.id, slotId),
        eq(uploadSlots.key, key),
        isNull(uploadSlots.usedAt),
        gt(uploadSlots.expiresAt, now),
      ),
    );
  return slot !== undefined;
}
