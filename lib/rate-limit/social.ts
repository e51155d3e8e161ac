import "server-only";
import { getDb } from "@/lib/db";
import { drivers } from "@/lib/env";
import { createRateLimiter, type RateLimiter, tooManyMessage } from "./index";

// Per-user limits on social writes, two windows each: a per-minute burst limit (a person double-
// tapping through a feed stays far below it; a script toggling a like 100 times does not) and
// an hourly one that stops a script that follows or comments on everything.

export type SocialAction = "follow" | "like" | "save" | "comment" | "report" | "block";

/** Points per minute (burst) and per hour, and the word for the refusal message. */
type Rule = { perMinute: number; perHour: number; what: string };

const rules: Record<SocialAction, Rule> = {
  follow: { perMinute: 30, perHour: 200, what: "follows" },
  like: { perMinute: 60, perHour: 600, what: "likes" },
  save: { perMinute: 60, perHour: 600, what: "saves" },
  comment: { perMinute: 20, perHour: 120, what: "comments" },
  report: { perMinute: 10, perHour: 50, what: "reports" },
  block: { perMinute: 30, perHour: 300, what: "blocks and mutes" },
};

const store = globalThis as unknown as { __socialLimits?: Map<string, RateLimiter> };

function limiters(action: SocialAction): RateLimiter[] {
  store.__socialLimits ??= new Map();
  const cache = store.__socialLimits;
  const { perMinute, perHour } = rules[action];
  const windows = [
    { points: perMinute, windowSeconds: 60 },
    { points: perHour, windowSeconds: 3600 },
  ];
  return windows.map(({ points, windowSeconds }) => {
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
