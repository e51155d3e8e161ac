import { createRateLimiter, type RateLimiter, type RateLimitStore } from "@/lib/rate-limit";

/**
 * The limiters of e-mail verification: mails asked for (resend, change) per account, and what an
 * account whose address is not verified yet may do per hour (comments and new follows), so a
 * script cannot make throwaway accounts and spam with them.
 */
export interface VerificationLimits {
  /** Verification mails sent again, per account: 3 an hour. */
  resend: RateLimiter;
  /** E-mail change requests (each mails a link), per account: 5 an hour. */
  change: RateLimiter;
  unverifiedComment: RateLimiter;
  unverifiedFollow: RateLimiter;
}

export function createVerificationLimits(
  store: RateLimitStore,
  unverifiedPerHour = 5,
): VerificationLimits {
  const limiter = (name: string, points: number) =>
    createRateLimiter({ name, points, windowSeconds: 3600 }, store);
  return {
    resend: limiter("verify_resend", 3),
    change: limiter("email_change", 5),
    unverifiedComment: limiter("unverified_comment", unverifiedPerHour),
    unverifiedFollow: limiter("unverified_follow", unverifiedPerHour),
  };
}
