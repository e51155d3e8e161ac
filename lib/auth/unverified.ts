import type { Executor } from "@/db/client";
import { type Failure, fail } from "@/lib/result";
import { isEmailVerified } from "./email-queries";
import type { VerificationLimits } from "./verification-limits";

export type UnverifiedAction = "comment" | "follow";

const words: Record<UnverifiedAction, { verb: string; noun: string }> = {
  comment: { verb: "comment", noun: "comments" },
  follow: { verb: "follow", noun: "follows" },
};

/**
 * Counts a comment or new follow of an account whose e-mail is not verified; the refusal once it
 * has made its hourly handful, else null (verified accounts are never counted here).
 */
export async function refuseUnverified(
  db: Executor,
  limits: VerificationLimits,
  action: UnverifiedAction,
  userId: string,
): Promise<Failure | null> {
  if (await isEmailVerified(db, userId)) return null;
  const limiter = action === "comment" ? limits.unverifiedComment : limits.unverifiedFollow;
  const wait = await limiter.hit(userId);
  if (wait === 0) return null;
  const minutes = Math.max(1, Math.ceil(wait / 60_000));
  const { verb, noun } = words[action];
  return fail(
    "RATE_LIMITED",
    `Verify your e-mail to ${verb} more: until then an account may make ${limiter.rule.points} ${noun} an hour. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or open the link we mailed you.`,
  );
}
