import "server-only";
import { and, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Db, Executor } from "@/db/client";
import { type UploadSlot, uploadSlots } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/result";
import { originalKey } from "@/lib/shared/media";
import type { Storage } from "@/lib/storage/types";
import type { RequestUploadsInput } from "./validation";

// Upload slots: a user asks for places to PUT originals, then createPost / setAvatar consumes them.

export const UPLOAD_TTL_SECONDS = 10 * 60;
/** Slots one user may open per hour: ten full posts a minute for an hour is no person. */
const SLOTS_PER_HOUR = 300;

export type UploadSlotView = {
  id: string;
  url: string;
  method: "PUT";
  headers: Record<string, string>;
};

export async function requestUploads(
  db: Db,
  storage: Storage,
  userId: string,
  input: RequestUploadsInput,
  opts: { now?: Date; ttlSeconds?: number } = {},
): Promise<Result<{ slots: UploadSlotView[] }>> {
  const { purpose, files } = input;
  if (purpose === "avatar" && files.length !== 1) {
    return fail("VALIDATION", "Choose one photo for your profile picture.", {
      files: ["Choose one photo for your profile picture."],
    });
  }
  const now = opts.now ?? new Date();
  const ttl = opts.ttlSeconds ?? UPLOAD_TTL_SECONDS;
  const [recent] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(uploadSlots)
    .where(
      and(
        eq(uploadSlots.userId, userId),
        gt(uploadSlots.createdAt, new Date(now.getTime() - 3600_000)),
      ),
    );
  if ((recent?.n ?? 0) + files.length > SLOTS_PER_HOUR) {
    return fail("RATE_LIMITED", "Too many uploads. Try again in an hour.");
  }

  const expiresAt = new Date(now.getTime() + ttl * 1000);
  const rows = files.map((f) => {
    const id = uuidv7();
    return {
      id,
      userId,
      purpose,
      key: originalKey(userId, id),
      contentType: f.type,
      maxBytes: f.size,
      expiresAt,
      createdAt: now,
    };
  });
  await db.insert(uploadSlots).values(rows);
  await sweepExpiredSlots(db, storage, userId, now).catch((err) =>
    console.error("sweeping expired upload slots failed", err),
  );
  const slots = await Promise.all(
    rows.map(async (r) => {
      const target = await storage.createUploadUrl({
        key: r.key,
        contentType: r.contentType,
        size: r.maxBytes,
        expiresInSeconds: ttl,
      });
      return { id: r.id, url: target.url, method: target.method, headers: target.headers };
    }),
  );
  return ok({ slots });
}

export type SlotProblem = "missing" | "expired" | "used" | "wrong-purpose";

export const slotMessages: Record<SlotProblem, string> = {
  missing: "This upload was not found. Choose the photo again.",
  expired: "This upload has expired. Choose the photo again.",
  used: "This upload was already used. Choose the photo again.",
  "wrong-purpose": "This upload was not found. Choose the photo again.",
};

/**
 * Marks the user's slots used in one statement, so a slot works once even under a race. Returns
 * the claimed slots in the order asked, or what was wrong with each slot that could not be used
 * (another user's slot reads as missing).
 */
export async function claimSlots(
  db: Executor,
  userId: string,
  purpose: UploadSlot["purpose"],
  ids: string[],
  now: Date,
): Promise<{ ok: true; slots: UploadSlot[] } | { ok: false; problems: Map<number, SlotProblem> }> {
  const claimed = await db
    .update(uploadSlots)
    .set({ usedAt: now })
    .where(
      and(
        inArray(uploadSlots.id, ids),
        eq(uploadSlots.userId, userId),
        eq(uploadSlots.purpose, purpose),
        isNull(uploadSlots.usedAt),
        gt(uploadSlots.expiresAt, now),
      ),
    )
    .returning();
  const byId = new Map(claimed.map((s) => [s.id, s]));
  if (claimed.length === ids.length) {
    return { ok: true, slots: ids.map((id) => byId.get(id) as UploadSlot) };
  }
  // Give the claimed ones back; say what was wrong with the others.
  if (claimed.length > 0) {
    await db
      .update(uploadSlots)
      .set({ usedAt: null })
      .where(inArray(uploadSlots.id, [...byId.keys()]));
  }
  const found = await db
    .select()
    .from(uploadSlots)
    .where(and(inArray(uploadSlots.id, ids), eq(uploadSlots.userId, userId)));
  const known = new Map(found.map((s) => [s.id, s]));
  const problems = new Map<number, SlotProblem>();
  ids.forEach((id, i) => {
    if (byId.has(id)) return;
    const s = known.get(id);
    if (!s) problems.set(i, "missing");
    else if (s.purpose !== purpose) problems.set(i, "wrong-purpose");
    else if (s.usedAt) problems.set(i, "used");
    else if (s.expiresAt <= now) problems.set(i, "expired");
    else problems.set(i, "used");
  });
  return { ok: false, problems };
}

/**
 * Deletes slots that expired more than an hour ago, with any original still stored under them
 * (an upload abandoned): one user's each time they ask for new slots, and everyone's (`userId`
 * null, at most `limit` at a time) from the server's maintenance job (lib/maintenance).
 */
export async function sweepExpiredSlots(
  db: Db,
  storage: Storage,
  userId: string | null,
  now: Date,
  limit = 500,
) {
  const expired = lte(uploadSlots.expiresAt, new Date(now.getTime() - 3600_000));
  const batch = db
    .select({ id: uploadSlots.id })
    .from(uploadSlots)
    .where(userId ? and(eq(uploadSlots.userId, userId), expired) : expired)
    .limit(limit);
  const stale = await db
    .delete(uploadSlots)
    .where(inArray(uploadSlots.id, batch))
    .returning({ key: uploadSlots.key });
  if (stale.length > 0) await storage.delete(stale.map((s) => s.key));
  return stale.length;
}
