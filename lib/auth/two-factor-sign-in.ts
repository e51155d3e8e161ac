import "server-only";
import type { Db } from "@/db/client";
import type { User } from "@/db/schema";
import { authenticate, type SessionUser } from "@/lib/auth/accounts";
import { canRestore, restoreDeletedAccount } from "@/lib/auth/deleted-accounts";
import type { AccountLimits } from "@/lib/auth/limits";
import { env } from "@/lib/env";
import { tooManyMessage } from "@/lib/rate-limit";
import { type Failure, fail } from "@/lib/result";
import { accountKey } from "./sign-in-limits";
import { isTwoFactorOn, spendSecondFactor } from "./two-factor";
import { findUserById } from "./two-factor-queries";
import { issueTicket, readTicket } from "./two-factor-ticket";
import { signInCodeSchema } from "./two-factor-validation";
import { signInSchema } from "./validation";

// What the credentials provider accepts, in one place:
// - identifier + password: the first step. An account with two-factor on is NOT signed in: it
//   gets a sealed 5-minute ticket for the code step instead.
// - ticket + code: the second step. The ticket proves the password step (the browser never
//   holds the password between the steps); the code is an app code or a recovery code.
// - a "renew" ticket alone: minted on the server by an action of a signed-in session that had
//   to end every session (a password change), never handed to a browser.

export type CredentialsOutcome =
  | { kind: "signed-in"; user: SessionUser & { restored?: boolean } }
  | { kind: "two-factor"; ticket: string }
  | { kind: "refused"; failure: Failure | null };

export const SIGN_IN_EXPIRED = "Your sign-in expired. Log in again.";
export const WRONG_SECOND_FACTOR =
  "That code didn't work. Use the newest code from your app (each works once), or a recovery code.";

const sessionUser = (u: User): SessionUser => ({
  id: u.id,
  username: u.username,
  name: u.name,
  role: u.role,
  sessionVersion: u.sessionVersion,
});

export async function checkCredentials(
  db: Db,
  limits: AccountLimits,
  credentials: unknown,
  ip: string,
  now = new Date(),
): Promise<CredentialsOutcome> {
  const secondStep = signInCodeSchema.safeParse(credentials);
  if (secondStep.success) return completeSecondStep(db, limits, secondStep.data, now);

  const renew = (credentials as { renew?: unknown } | null)?.renew;
  if (typeof renew === "string") return renewSignIn(db, renew, now);

  const input = signInSchema.safeParse(credentials);
  if (!input.success) return { kind: "refused", failure: null };
  // A deleted account with two-factor on is restored by the code step, not by the password alone.
  const result = await authenticate(db, limits, input.data, ip, {
    deferRestore: (userId) => isTwoFactorOn(db, userId),
  });
  if (!result.ok) return { kind: "refused", failure: null };
  if (result.data.awaitingRestore || (await isTwoFactorOn(db, result.data.id))) {
    return {
      kind: "two-factor",
      ticket: issueTicket(env.AUTH_SECRET, "pending", result.data, now.getTime()),
    };
  }
  return { kind: "signed-in", user: result.data };
}

/** The account a ticket names, if the ticket is still good for it. */
async function ticketUser(db: Db, ticket: string, kind: "pending" | "renew", now: Date) {
  const claims = readTicket(env.AUTH_SECRET, kind, ticket, now.getTime());
  if (!claims) return null;
  const user = await findUserById(db, claims.u);
  // A password reset or "sign out everywhere" since the ticket was issued voids it.
  if (!user || user.sessionVersion !== claims.sv) return null;
  return { user, issuedAt: new Date(claims.iat) };
}

const refused = (failure: Failure): CredentialsOutcome => ({ kind: "refused", failure });

async function completeSecondStep(
  db: Db,
  limits: AccountLimits,
  input: { ticket: string; code: string },
  now: Date,
): Promise<CredentialsOutcome> {
  const found = await ticketUser(db, input.ticket, "pending", now);
  if (!found) return refused(fail("UNAUTHENTICATED", SIGN_IN_EXPIRED));
  const { user, issuedAt } = found;
  // An account its owner deleted comes back with the right code (its password was checked).
  const restoring = user.status === "deleted" && canRestore(user.deletedAt, now);
  if (user.status !== "active" && !restoring) {
    return refused(fail("FORBIDDEN", "This account is suspended."));
  }
  // Counted before the check, so parallel guesses cannot all pass; only a right code resets it.
  const key = accountKey(user, "");
  const wait = await limits.twoFactorPerAccount.hit(key);
  if (wait > 0) return refused(fail("RATE_LIMITED", tooManyMessage(wait, "wrong codes")));
  if (!(await spendSecondFactor(db, user.id, input.code, issuedAt, now))) {
    return refused(fail("UNAUTHENTICATED", WRONG_SECOND_FACTOR, { code: [WRONG_SECOND_FACTOR] }));
  }
  await limits.twoFactorPerAccount.reset(key);
  if (restoring && !(await restoreDeletedAccount(db, user.id, now))) {
    return refused(fail("UNAUTHENTICATED", SIGN_IN_EXPIRED));
  }
  return { kind: "signed-in", user: { ...sessionUser(user), restored: restoring } };
}

async function renewSignIn(db: Db, ticket: string, now: Date): Promise<CredentialsOutcome> {
  const found = await ticketUser(db, ticket, "renew", now);
  if (found?.user.status !== "active") return { kind: "refused", failure: null };
  return { kind: "signed-in", user: sessionUser(found.user) };
}

/** A server-side ticket to sign the signed-in `userId` in again (see the header). */
export async function renewalTicket(db: Db, userId: string, now = new Date()) {
  const user = await findUserById(db, userId);
  return user ? issueTicket(env.AUTH_SECRET, "renew", user, now.getTime()) : null;
}
