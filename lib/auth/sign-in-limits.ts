import "server-only";
import type { User } from "@/db/schema";
import type { AccountLimits } from "@/lib/auth/limits";
import { tooManyMessage } from "@/lib/rate-limit";
import { type Failure, fail } from "@/lib/result";

// The sign-in failure policy of lib/auth/limits.ts: who is refused, for how long, and in what
// words. No counter here can make an account's right password fail for longer than its delay
// when tried from another address, and a password reset always starts afresh.

type AccountRef = Pick<User, "id" | "sessionVersion"> | null;

/**
 * The counters' key of an account. It carries the session version, which a password reset (and
 * "sign out everywhere") bumps: the owner who follows a reset link meets fresh counters, at every
 * address. Unknown names are counted as well, so the answers never tell which accounts exist.
 */
export function accountKey(user: AccountRef, login: string): string {
  return user ? `${user.id}:${user.sessionVersion}` : `login:${login.trim().toLowerCase()}`;
}

const pairKey = (account: string, ip: string) => `${account}|${ip}`;

export interface SignInBlock {
  waitMs: number;
  /** "address": too many failures from this address, whatever the account. */
  reason: "account" | "address";
}

/**
 * The longest wait of the account+address, address and account-delay counters, and whose; the
 * first two are read (`blockedFor`) or counted (`hit`), the delay only read.
 */
async function blockOf(
  limits: AccountLimits,
  account: string,
  ip: string,
  use: "blockedFor" | "hit",
): Promise<SignInBlock | null> {
  const [pair, address, delay] = await Promise.all([
    limits.loginPerAccountIp[use](pairKey(account, ip)),
    limits.loginPerIp[use](ip),
    limits.loginDelayPerAccount.blockedFor(account),
  ]);
  const waitMs = Math.max(pair, address, delay);
  if (waitMs === 0) return null;
  return { waitMs, reason: address === waitMs ? "address" : "account" };
}

/** Why a sign-in of this account from this address is refused now, or null. */
export function signInBlock(limits: AccountLimits, account: string, ip: string) {
  return blockOf(limits, account, ip, "blockedFor");
}

function waitWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** The refusal in words; `lead` (e.g. "Incorrect password.") goes first when the try was checked. */
export function signInBlockFailure(block: SignInBlock, lead?: string): Failure {
  const words =
    block.reason === "address"
      ? tooManyMessage(block.waitMs, "sign-in attempts")
      : `Too many failed sign-ins for this account. Wait ${waitWords(block.waitMs)} and try ` +
        `again, or use "Forgot password?" to get a reset link.`;
  return fail("RATE_LIMITED", lead ? `${lead} ${words}` : words);
}

/**
 * Claims one attempt before the (slow) password check: the account+address and address counters
 * count it atomically, so a burst of parallel tries cannot all pass a check made before any of
 * them was counted. A right password gives the claim back (recordSignInSuccess). Refused when a
 * counter is over its limit or the account's delay runs.
 */
export function claimSignInAttempt(limits: AccountLimits, account: string, ip: string) {
  return blockOf(limits, account, ip, "hit");
}

/**
 * A wrong password (or unknown name), its attempt already claimed: counts it for the account and
 * sets the account's delay once it is due.
 */
export async function recordSignInFailure(limits: AccountLimits, account: string): Promise<void> {
  const failures = await limits.loginFailuresPerAccount.count(account);
  const { delayAfter, baseMs, maxMs } = limits.loginDelay;
  if (failures < delayAfter) return;
  const delayMs = Math.min(maxMs, baseMs * 2 ** Math.min(failures - delayAfter, 30));
  await limits.loginDelayPerAccount.block(account, delayMs);
}

/**
 * A right password: the account's failures and delay, and this address's count for it, end; the
 * address gets its claimed attempt back (only failures count against an address).
 */
export async function recordSignInSuccess(
  limits: AccountLimits,
  account: string,
  ip: string,
): Promise<void> {
  await Promise.all([
    limits.loginFailuresPerAccount.reset(account),
    limits.loginDelayPerAccount.reset(account),
    limits.loginPerAccountIp.reset(pairKey(account, ip)),
    limits.loginPerIp.reward(ip),
  ]);
}
