import {
  type RateLimiterAbstract,
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRes,
} from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

export type RateLimitStore = { kind: "memory" } | { kind: "database"; db: Db };

export interface RateLimitRule {
  /** Distinguishes the counters of one rule from another's. */
  name: string;
  /** How many events are allowed in one window. */
  points: number;
  /** Window length in seconds. */
  windowSeconds: number;
}

/** A fixed-window counter per key, in memory or in the database (rate-limiter-flexible). */
export interface RateLimiter {
  readonly rule: RateLimitRule;
  /** Milliseconds until the key may act again; 0 when it is not limited. */
  blockedFor(key: string): Promise<number>;
  /** Counts one event (or `points`); returns the wait in ms when it went over the limit, else 0. */
  hit(key: string, points?: number): Promise<number>;
  /** How many events are left in the key's window, and the ms until the window ends. */
  left(key: string): Promise<{ points: number; waitMs: number }>;
  /** Counts one event; returns the events counted in the current window, this one included. */
  count(key: string): Promise<number>;
  /** Blocks the key for `ms` from now, whatever its count (a growing delay, for example). */
  block(key: string, ms: number): Promise<void>;
  /** Gives back `points` counted earlier (an attempt claimed up front that turned out fine). */
  reward(key: string, points?: number): Promise<void>;
  reset(key: string): Promise<void>;
}

export function createRateLimiter(rule: RateLimitRule, store: RateLimitStore): RateLimiter {
  const opts = { keyPrefix: `rl_${rule.name}`, points: rule.points, duration: rule.windowSeconds };
  const limiter: RateLimiterAbstract =
    store.kind === "memory"
      ? new RateLimiterMemory(opts)
      : new RateLimiterDrizzle({ ...opts, storeClient: store.db, schema: rateLimits });
  return {
    rule,
    async blockedFor(key) {
      const res = await limiter.get(key);
      return res && res.consumedPoints >= rule.points ? Math.max(res.msBeforeNext, 1) : 0;
    },
    async hit(key, points = 1) {
      try {
        await limiter.consume(key, points);
        return 0;
      } catch (err) {
        if (err instanceof RateLimiterRes) return Math.max(err.msBeforeNext, 1);
        throw err;
      }
    },
    async count(key) {
      try {
        return (await limiter.consume(key, 1)).consumedPoints;
      } catch (err) {
        if (err instanceof RateLimiterRes) return err.consumedPoints;
        throw err;
      }
    },
    async block(key, ms) {
      if (ms > 0) await limiter.block(key, ms / 1000);
    },
    async left(key) {
      const res = await limiter.get(key);
      return {
        points: Math.max(rule.points - (res?.consumedPoints ?? 0), 0),
        waitMs: Math.max(res?.msBeforeNext ?? rule.windowSeconds * 1000, 1),
      };
    },
    async reward(key, points = 1) {
      await limiter.reward(key, points);
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

/** "Too many attempts. Try again in 15 minutes." */
export function tooManyMessage(waitMs: number, what = "attempts"): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
