import "server-only";
import { notFound } from "next/navigation";
import type { Executor } from "@/db/client";
import type { CurrentUser } from "@/lib/auth";
import { requireUser } from "@/lib/auth/require-user";
import { isTwoFactorOn } from "@/lib/auth/two-factor";
import { env } from "@/lib/env";
import { fail } from "@/lib/result";

export const isModerator = (user: Pick<CurrentUser, "role"> | null) =>
  user?.role === "moderator" || user?.role === "admin";

/** For moderation pages: the moderator or admin, a sign-in, or a 404 for everyone else. */
export async function requireModerator(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!isModerator(user)) notFound();
  return user;
}

export const TWO_FACTOR_TO_MODERATE = "Turn on two-factor authentication in Settings to moderate.";

/**
 * Whether this moderator must first turn on two-factor sign-in (MODERATION_REQUIRES_2FA): the
 * moderation pages show why instead of their content, and the moderation actions refuse.
 */
export async function moderationNeedsTwoFactor(
  db: Executor,
  user: Pick<CurrentUser, "id" | "role">,
) {
  if (!env.MODERATION_REQUIRES_2FA || !isModerator(user)) return false;
  return !(await isTwoFactorOn(db, user.id));
}

/** The refusal of a moderation action by a moderator without two-factor (when required). */
export async function moderationTwoFactorRefusal(
  db: Executor,
  user: Pick<CurrentUser, "id" | "role">,
) {
  return (await moderationNeedsTwoFactor(db, user))
    ? fail("FORBIDDEN", TWO_FACTOR_TO_MODERATE)
    : null;
}
