import { createRateLimiter, type RateLimiter, type RateLimitStore } from "@/lib/rate-limit";

/**
 * The limiters of the account flows. Windows and delays can be shortened in tests.
 *
 * Sign-in failures are limited so that nobody can lock an owner out of their own account:
 * - per account AND address: 10 failures in 15 minutes refuse that account from that address;
 * - per address: 100 failures in 15 minutes refuse the address (spraying many accounts);
 * - per account, from every address: from the 5th failure in an hour on, each further attempt
 *   waits 2^(failures-5) seconds (1 s, 2 s, 4 s ... at most 15 minutes) after the last failure.
 *   That delay is the most another address can impose on the owner; a password reset (or any
 *   session-version bump) starts the account's counters afresh, so a reset link always gets in.
 * - the two-factor code step: 5 tries per account in 15 minutes, counted apart from the password
 *   (a right password must not give a code guesser fresh tries); a password reset starts afresh.
 */
export interface AccountLimits {
  loginPerAccountIp: RateLimiter;
  loginPerIp: RateLimiter;
  /** Failures per account in the delay window (counted only). */
  loginFailuresPerAccount: RateLimiter;
  /** The account's current delay (blocked for the delay's length). */
  loginDelayPerAccount: RateLimiter;
  /** Delay after the `delayAfter`-th failure: baseMs * 2^(failures - delayAfter), at most maxMs. */
  loginDelay: { delayAfter: number; baseMs: number; maxMs: number };
  resetPerEmail: RateLimiter;
  resetPerIp: RateLimiter;
  /** Second-step codes per account (5 in 15 minutes); a right code starts afresh. */
  twoFactorPerAccount: RateLimiter;
}

export function createAccountLimits(store: RateLimitStore, windowScale = 1): AccountLimits {
  const limiter = (name: string, points: number, seconds: number) =>
    createRateLimiter(
      { name, points, windowSeconds: Math.max(1, Math.round(seconds * windowScale)) },
      store,
    );
  return {
    loginPerAccountIp: limiter("login_account_ip", 10, 15 * 60),
    loginPerIp: limiter("login_ip", 100, 15 * 60),
    loginFailuresPerAccount: limiter("login_account_failures", 1_000_000, 60 * 60),
    loginDelayPerAccount: limiter("login_account_delay", 1, 15 * 60),
    loginDelay: { delayAfter: 5, baseMs: 1000 * windowScale, maxMs: 15 * 60_000 * windowScale },
    resetPerEmail: limiter("reset_email", 3, 3600),
    resetPerIp: limiter("reset_ip", 20, 3600),
    twoFactorPerAccount: limiter("two_factor_account", 5, 15 * 60),
  };
}
