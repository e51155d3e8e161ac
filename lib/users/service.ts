import "server-only";
import { uuidv7 } from "uuidv7";
import type { Db } from "@/db/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { setPasswordAndEndSessions } from "@/lib/auth/queries";
import { reservedNameErrors } from "@/lib/auth/reserved-names";
import { processAvatar } from "@/lib/images/process";
import { type Crop, ImageError } from "@/lib/images/types";
import { claimSlots, slotMessages } from "@/lib/posts/service-uploads";
import { fail, ok, type Result } from "@/lib/result";
import { forgetSearchMatches } from "@/lib/search/queries";
import { avatarBase, avatarKeys, avatarUrl } from "@/lib/shared/media";
import type { Storage } from "@/lib/storage/types";
import {
  findAvatarKey,
  findPasswordHash,
  findProfileOwner,
  findUsernameHolder,
  setAvatarKey,
  updateProfileRow,
} from "@/lib/users/queries";
import type { ChangePasswordInput, UpdateProfileInput } from "@/lib/users/validation";

// Editing one's own profile: the user id always comes from the session, never from the input.

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
};
const USERNAME_TAKEN = { username: ["This username isn't available."] };

export async function updateProfile(
  db: Db,
  userId: string,
  input: UpdateProfileInput,
): Promise<Result<{ username: string }>> {
  const { name, username, bio, website } = input;
  const current = await findProfileOwner(db, userId);
  if (!current) return fail("NOT_FOUND", "Account not found.");
  // Staff-like names are for moderators and admins; a name the account already has stays.
  const reserved = reservedNameErrors(current.role, { name, username }, current);
  if (reserved) return fail("VALIDATION", "Check the highlighted fields.", reserved);
  const taken = await findUsernameHolder(db, username, userId);
  if (taken) return fail("CONFLICT", "Check the highlighted fields.", USERNAME_TAKEN);
  try {
    const row = await updateProfileRow(db, userId, {
      name,
      username,
      bio,
      website,
      updatedAt: new Date(),
    });
    if (!row) return fail("NOT_FOUND", "Account not found.");
    forgetSearchMatches();
    return ok({ username: row.username });
  } catch (err) {
    if (isUniqueViolation(err))
      return fail("CONFLICT", "Check the highlighted fields.", USERNAME_TAKEN);
    throw err;
  }
}

/** Turns an uploaded photo into the user's square avatar; the previous one is deleted. */
export async function setAvatar(
  db: Db,
  storage: Storage,
  userId: string,
  input: { slotId: string; crop?: Crop },
  now = new Date(),
): Promise<Result<{ avatarUrl: string }>> {
  const claim = await claimSlots(db, userId, "avatar", [input.slotId], now);
  if (!claim.ok) {
    const message = slotMessages[claim.problems.get(0) ?? "missing"];
    return fail("VALIDATION", message, { slotId: [message] });
  }
  const slot = claim.slots[0];
  if (!slot) return fail("VALIDATION", slotMessages.missing);
  const written: string[] = [];
  try {
    const stat = await storage.stat(slot.key);
    const original = stat && stat.size <= slot.maxBytes ? await storage.read(slot.key) : null;
    if (!original) {
      const message = "This photo did not finish uploading. Try again.";
      return fail("VALIDATION", message, { slotId: [message] });
    }
    let photo: Awaited<ReturnType<typeof processAvatar>>;
    try {
      photo = await processAvatar(original, { crop: input.crop });
    } catch (err) {
      if (!(err instanceof ImageError)) throw err;
      return fail("VALIDATION", err.message, { slotId: [err.message] });
    }
    const base = avatarBase(userId, uuidv7());
    const keys = avatarKeys(base);
    for (const [i, v] of photo.variants.entries()) {
      const key = keys[i];
      if (!key) break;
      written.push(key);
      await storage.write(key, v.data, "image/webp");
    }
    const previous = await findAvatarKey(db, userId);
    await setAvatarKey(db, userId, base, now);
    written.length = 0;
    forgetSearchMatches();
    if (previous) await deleteQuietly(storage, avatarKeys(previous));
    return ok({ avatarUrl: avatarUrl(storage, base) ?? "" });
  } finally {
    await deleteQuietly(storage, [...written, slot.key]);
  }
}

export async function removeAvatar(
  db: Db,
  storage: Storage,
  userId: string,
): Promise<Result<undefined>> {
  const previous = await findAvatarKey(db, userId);
  await setAvatarKey(db, userId, null, new Date());
  forgetSearchMatches();
  if (previous) await deleteQuietly(storage, avatarKeys(previous));
  return ok(undefined);
}

const WRONG_CURRENT_PASSWORD = "Your current password is incorrect.";

/** Whether changePassword refused because the current password was wrong (a guess to count). */
export function isWrongCurrentPassword(result: Result<unknown>): boolean {
  return !result.ok && result.fieldErrors?.currentPassword?.[0] === WRONG_CURRENT_PASSWORD;
}

/** Needs the current password; bumps session_version so every other session ends. */
export async function changePassword(
  db: Db,
  userId: string,
  input: ChangePasswordInput,
): Promise<Result<{ username: string; sessionVersion: number }>> {
  const passwordHash = await findPasswordHash(db, userId);
  if (passwordHash === null) return fail("NOT_FOUND", "Account not found.");
  if (!(await verifyPassword(passwordHash, input.currentPassword))) {
    return fail("VALIDATION", "Check the highlighted fields.", {
      currentPassword: [WRONG_CURRENT_PASSWORD],
    });
  }
  const updated = await setPasswordAndEndSessions(db, userId, await hashPassword(input.password));
  if (!updated) return fail("NOT_FOUND", "Account not found.");
  return ok({ username: updated.username, sessionVersion: updated.sessionVersion });
}

async function deleteQuietly(storage: Storage, keys: string[]) {
  await storage.delete(keys).catch((err) => console.error("storage cleanup failed", err));
}
