import { type Failure, fail } from "@/lib/result";
import { createRateLimiter, type RateLimiter, type RateLimitStore, tooManyMessage } from "./index";

// Abuse limits of the writes that are not "social" taps (those are in social.ts). One table, so the
// README lists the numbers in force; each rule's `what` ends the 429 message:
// "Too many <what>. Try again in N minutes."

export type AbuseAction = "signup" | "post" | "captionMention" | "passwordGuess";

export interface AbuseRule {
  points: number;
  windowSeconds: number;
  /** Who is counted. */
  per: "address" | "account";
  what: string;
}

export const abuseRules: Record<AbuseAction, AbuseRule> = {
  // New accounts per client address per hour: generous enough for a household or an office behind
  // one NAT, far too few for a script making accounts. Counts sign-ups that succeeded.
  // SIGNUPS_PER_ADDRESS_PER_HOUR overrides it (the browser tests sign up from one address).
  signup: { points: 10, windowSeconds: 3600, per: "address", what: "sign-ups from this network" },
  // Posts per account per hour, counting every attempt (each one makes the server decode and
  // resize up to 10 photos). A busy person posts a handful a day.
  post: { points: 25, windowSeconds: 3600, per: "account", what: "posts" },
  // New "mentioned you" notifications that caption edits may send per account per hour. A caption
  // names at most 30 accounts, so one full edit fits; re-editing to ping new people does not.
  captionMention: {
    points: 30,
    windowSeconds: 3600,
    per: "account",
    what: "mentions in edited captions",
  },
  // Wrong current-password guesses on the change-password form per account per 15 minutes; a
  // stolen session cannot brute-force the password (and so take the account over) from there.
  passwordGuess: {
    points: 5,
    windowSeconds: 15 * 60,
    per: "account",
    what: "wrong password attempts",
  },
};

export type AbuseLimits = Record<AbuseAction, RateLimiter>;

export function createAbuseLimits(
  store: RateLimitStore,
  overrides: Partial<Record<AbuseAction, number>> = {},
): AbuseLimits {
  const make = (action: AbuseAction) => {
    const { points, windowSeconds } = abuseRules[action];
    return createRateLimiter(
      { name: `abuse_${action}`, points: overrides[action] ?? points, windowSeconds },
      store,
    );
  };
  return {
    signup: make("signup"),
    post: make("post"),
    captionMention: make("captionMention"),
    passwordGuess: make("passwordGuess"),
  };
}

const limited = (action: AbuseAction, waitMs: number): Failure =>
  fail("RATE_LIMITED", tooManyMessage(waitMs, abuseRules[action].what));

/** Counts one event of `key`; RATE_LIMITED when it went over the limit, else null. */
export async function countOrRefuse(
  limits: AbuseLimits,
  action: AbuseAction,
  key: string,
): Promise<Failure | null> {
  const wait = await limits[action].hit(key);
  return wait > 0 ? limited(action, wait) : null;
}

/**
 * Takes `points` of `key`'s budget at once, atomically in the store, so simultaneous requests
 * cannot each spend the same remainder. Over the limit: nothing is taken (the points go back) and
 * the answer is RATE_LIMITED. Give points back with `giveBack` when the work they paid for fails.
 */
export async function take(
  limits: AbuseLimits,
  action: AbuseAction,
  key: string,
  points: number,
): Promise<Failure | null> {
  if (points <= 0) return null;
  const wait = await limits[action].hit(key, points);
  if (wait === 0) return null;
  await limits[action].reward(key, points);
  return limited(action, wait);
}

/** Returns points taken for work that did not happen (a failed sign-up, a rolled-back edit). */
export async function giveBack(limits: AbuseLimits, action: AbuseAction, key: string, points = 1) {
  if (points > 0) await limits[action].reward(key, points);
}
