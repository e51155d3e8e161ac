import "server-only";
import { getDb } from "@/lib/db";
import { drivers } from "@/lib/env";
import { createRateLimiter, type RateLimiter, tooManyMessage } from "./index";

// Per-user limits on social writes, two windows each: a per-minute burst limit (a person double-
// tapping through a feed stays far below it; a script toggling a like 100 times does not) and
// an hourly one that stops a script that follows or comments on everything.

export type SocialAction = "follow" | "like" | "save" | "comment" | "report";

type Window = { points: number; windowSeconds: number };

const rules: Record<SocialAction, { windows: Window[]; what: string }> = {
  follow: {
    windows: [
      { points: 30, windowSeconds: 60 },
      { points: 200, windowSeconds: 3600 },
    ],
    what: "follows",
  },
  like: {
    windows: [
      { points: 60, windowSeconds: 60 },
      { points: 600, windowSeconds: 3600 },
    ],
    what: "likes",
  },
  save: {
    windows: [
      { points: 60, windowSeconds: 60 },
      { points: 600, windowSeconds: 3600 },
    ],
    what: "saves",
  },
  comment: {
    windows: [
      { points: 20, windowSeconds: 60 },
      { points: 120, windowSeconds: 3600 },
    ],
    what: "comments",
  },
  report: {
    windows: [
      { points: 10, windowSeconds: 60 },
      { points: 50, windowSeconds: 3600 },
    ],
    what: "reports",
  },
};

const store = globalThis as unknown as { __socialLimits?: Map<string, RateLimiter> };

function limiters(action: SocialAction): RateLimiter[] {
  store.__socialLimits ??= new Map();
  const cache = store.__socialLimits;
  return rules[action].windows.map(({ points, windowSeconds }) => {
    const name = `social_${action}_${windowSeconds}`;
    let found = cache.get(name);
    if (!found) {
      found = createRateLimiter(
        { name, points, windowSeconds },
        drivers.rateLimit === "database" ? { kind: "database", db: getDb() } : { kind: "memory" },
      );
      cache.set(name, found);
    }
    return found;
  });
}

/** Counts one write of the user; the message to show when it went over a limit, else null. */
export async function hitSocialLimit(action: SocialAction, userId: string) {
  const waits = await Promise.all(limiters(action).map((l) => l.hit(userId)));
  const wait = Math.max(...waits);
  return wait > 0 ? tooManyMessage(wait, rules[action].what) : null;
}
