import { and, eq, isNotNull } from "drizzle-orm";
import { twoFactorRecoveryCodes, userTwoFactor } from "@/db/schema";
import { hashRecoveryCode } from "@/lib/auth/recovery-codes";
import { sessionClaims } from "@/lib/auth/session-token";
import { totpCode } from "@/lib/auth/totp";
import { startTwoFactor, twoFactorStatus } from "@/lib/auth/two-factor";
import { issueTicket } from "@/lib/auth/two-factor-ticket";
import {
  confirmTwoFactorAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  signInCodeAction,
  startTwoFactorAction,
} from "@/lib/users/actions-two-factor";
import { type ActionCase, publicMatrix, signedInMatrix, type World } from "../action-cases";
import { SESSION_COOKIE } from "../actions";
import { codeNow, enableTwoFactorFor } from "../two-factor";
import { exists } from "./social";

// Two-factor sign-in: the code step is public (the ticket says whose sign-in it is); the
// Settings actions act on the signed-in account only.

const PASSWORD = "correct horse battery";
const SECRET = process.env.AUTH_SECRET ?? "";
const spread = (good: unknown) => good as object;

async function signedInAsOwner(w: World) {
  const value = w.h.sessionCookieSet();
  const claims = value
    ? await sessionClaims({ getAll: () => [{ name: SESSION_COOKIE, value }] }, SECRET)
    : null;
  return claims?.sub === w.owner.id;
}

const ownerHasRow = (w: World) => exists(w, userTwoFactor, eq(userTwoFactor.userId, w.owner.id));
const ownerIsOn = (w: World) =>
  exists(
    w,
    userTwoFactor,
    and(eq(userTwoFactor.userId, w.owner.id), isNotNull(userTwoFactor.enabledAt)),
  );

/** Every one of the owner's recovery codes is new (none of those the arrange step kept). */
async function ownerCodesReplaced(w: World, before: string[]) {
  const status = await twoFactorStatus(w.h.db(), w.owner);
  if (status.state !== "on") return false;
  const rows = await w.h
    .db()
    .select({ hash: twoFactorRecoveryCodes.codeHash })
    .from(twoFactorRecoveryCodes)
    .where(eq(twoFactorRecoveryCodes.userId, w.owner.id));
  const old = new Set(before.map(hashRecoveryCode));
  return rows.every((r) => !old.has(r.hash));
}

const kept = new WeakMap<World, string[]>();

export const twoFactorCases: Record<string, ActionCase> = {
  "users/actions-two-factor:signInCodeAction": {
    action: signInCodeAction,
    // The owner passed the password step (the ticket) and types the code their app shows.
    async arrange(w) {
      const { secret } = await enableTwoFactorFor(w.h.db(), w.owner);
      return { ticket: issueTicket(SECRET, "pending", w.owner), code: codeNow(secret) };
    },
    changed: signedInAsOwner,
    matrix: publicMatrix("changes"),
    redirect: () => "/",
    bad: [
      { input: (_w, good) => ({ ...spread(good), ticket: "" }), field: "ticket" },
      { input: (_w, good) => ({ ...spread(good), code: "" }), field: "code" },
      { input: (_w, good) => ({ ...spread(good), code: "<12>" }), field: "code" },
    ],
  },

  "users/actions-two-factor:startTwoFactorAction": {
    action: startTwoFactorAction,
    arrange: async () => undefined,
    changed: ownerHasRow,
    matrix: signedInMatrix("changes", "own"),
    bad: "none",
  },

  "users/actions-two-factor:confirmTwoFactorAction": {
    action: confirmTwoFactorAction,
    // The owner scanned a new secret; others have none waiting (NOT_FOUND, nothing written).
    async arrange(w) {
      await startTwoFactor(w.h.db(), w.owner.id);
      const status = await twoFactorStatus(w.h.db(), w.owner);
      if (status.state !== "pending") throw new Error("not pending");
      return { code: totpCode(status.secret) };
    },
    changed: ownerIsOn,
    matrix: signedInMatrix("changes", "NOT_FOUND"),
    bad: [
      { input: () => ({ code: "12345" }), field: "code" },
      { input: () => ({}), field: "code" },
    ],
  },

  "users/actions-two-factor:disableTwoFactorAction": {
    action: disableTwoFactorAction,
    // Only the owner's password turns the owner's two-factor off; another's is a wrong password.
    async arrange(w) {
      await w.h.setPassword(w.owner, PASSWORD);
      await enableTwoFactorFor(w.h.db(), w.owner);
      return { password: PASSWORD };
    },
    changed: async (w) => !(await ownerHasRow(w)),
    matrix: signedInMatrix("changes", "VALIDATION"),
    bad: [{ input: () => ({ password: "" }), field: "password" }],
  },

  "users/actions-two-factor:regenerateRecoveryCodesAction": {
    action: regenerateRecoveryCodesAction,
    async arrange(w) {
      await w.h.setPassword(w.owner, PASSWORD);
      const { recoveryCodes } = await enableTwoFactorFor(w.h.db(), w.owner);
      kept.set(w, recoveryCodes);
      return { password: PASSWORD };
    },
    changed: (w) => ownerCodesReplaced(w, kept.get(w) ?? []),
    matrix: signedInMatrix("changes", "VALIDATION"),
    bad: [{ input: () => ({ password: "" }), field: "password" }],
  },
};
