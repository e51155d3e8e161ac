import { createRateLimiter, type RateLimiter, type RateLimitStore } from "@/lib/rate-limit";

/** The limiters of the account flows. Windows can be shortened in tests. */
export interface AccountLimits {
  loginPerAccount: RateLimiter;
  loginPerIp: RateLimiter;
  resetPerEmail: RateLimiter;
  resetPerIp: RateLimiter;
}

export function createAccountLimits(store: RateLimitStore, windowScale = 1): AccountLimits {
  const w = (seconds: number) => Math.max(1, Math.round(seconds * windowScale));
  return {
    // 10 failed sign-ins per account per 15 minutes; a success clears the count.
    loginPerAccount: createRateLimiter(
      { name: "login_account", points: 10, windowSeconds: w(15 * 60) },
      store,
    ),
    // 100 failed sign-ins per IP per 15 minutes, against spraying many accounts.
    loginPerIp: createRateLimiter(
      { name: "login_ip", points: 100, windowSeconds: w(15 * 60) },
      store,
    ),
    resetPerEmail: createRateLimiter(
      { name: "reset_email", points: 3, windowSeconds: w(3600) },
      store,
    ),
    resetPerIp: createRateLimiter({ name: "reset_ip", points: 20, windowSeconds: w(3600) }, store),
  };
}
