import "server-only";
import { getDb } from "@/lib/db";
import { drivers } from "@/lib/env";
import { createRateLimiter, type RateLimiter, tooManyMessage } from "./index";

// Per-user limits on social writes: generous for a person (a burst of 100 likes passes), tight
// enough to stop a script that follows or comments on everything.

export type SocialAction = "follow" | "like" | "save" | "comment";

const rules: Record<SocialAction, { points: number; windowSeconds: number; what: string }> = {
  follow: { points: 200, windowSeconds: 3600, what: "follows" },
  like: { points: 600, windowSeconds: 3600, what: "likes" },
  save: { points: 600, windowSeconds: 3600, what: "saves" },
  comment: { points: 120, windowSeconds: 3600, what: "comments" },
};

const store = globalThis as unknown as { __socialLimits?: Map<SocialAction, RateLimiter> };

function limiter(action: SocialAction): RateLimiter {
  store.__socialLimits ??= new Map();
  let found = store.__socialLimits.get(action);
  if (!found) {
    const { points, windowSeconds } = rules[action];
    found = createRateLimiter(
      { name: `social_${action}`, points, windowSeconds },
      drivers.rateLimit === "database" ? { kind: "database", db: getDb() } : { kind: "memory" },
    );
    store.__socialLimits.set(action, found);
  }
  return found;
}

/** Counts one write of the user; the message to show when it went over the limit, else null. */
export async function hitSocialLimit(action: SocialAction, userId: string) {
  const wait = await limiter(action).hit(userId);
  return wait > 0 ? tooManyMessage(wait, rules[action].what) : null;
}
