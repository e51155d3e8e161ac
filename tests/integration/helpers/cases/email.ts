import { and, eq, isNotNull } from "drizzle-orm";
import { emailTokens, users } from "@/db/schema";
import { insertEmailToken } from "@/lib/auth/email-queries";
import { createResetToken } from "@/lib/auth/reset-token";
import {
  cancelEmailChangeAction,
  requestEmailChangeAction,
  resendVerificationAction,
  undoEmailChangeAction,
  verifyEmailAction,
} from "@/lib/users/actions-email";
import { type ActionCase, publicMatrix, signedInMatrix, type World } from "../action-cases";
import { exists } from "./social";

// E-mail verification and change. The mailed links' actions are public (whoever holds the link,
// signed in or not, on any device); the rest act on the signed-in account only.

const PASSWORD = "correct horse battery";
const DAY = 24 * 60 * 60 * 1000;

const unverify = (w: World) =>
  w.h.db().update(users).set({ emailVerifiedAt: null }).where(eq(users.id, w.owner.id));

/** A link of the owner's, as the mail would carry it; answers its token. */
async function ownerLink(w: World, purpose: "verify" | "change" | "undo", email: string) {
  const { token, tokenHash } = createResetToken();
  const expiresAt = new Date(Date.now() + (purpose === "undo" ? 7 : 1) * DAY);
  await insertEmailToken(w.h.db(), { userId: w.owner.id, purpose, email, tokenHash, expiresAt });
  return token;
}

const ownerRow = async (w: World) =>
  (await w.h.db().select().from(users).where(eq(users.id, w.owner.id)))[0];

const spread = (good: unknown) => good as object;

export const emailCases: Record<string, ActionCase> = {
  "users/actions-email:resendVerificationAction": {
    action: resendVerificationAction,
    async arrange(w) {
      await unverify(w);
      return undefined;
    },
    changed: (w) =>
      exists(
        w,
        emailTokens,
        and(eq(emailTokens.userId, w.owner.id), eq(emailTokens.purpose, "verify")),
      ),
    // Everyone else's address is verified already: nothing to send.
    matrix: signedInMatrix("changes", "CONFLICT"),
    bad: "none",
  },

  "users/actions-email:verifyEmailAction": {
    action: verifyEmailAction,
    async arrange(w) {
      await unverify(w);
      return { token: await ownerLink(w, "verify", w.owner.email) };
    },
    changed: async (w) => Boolean((await ownerRow(w))?.emailVerifiedAt),
    matrix: publicMatrix("changes"),
    bad: [
      { input: () => ({ token: "not-a-token" }), field: "token" },
      { input: () => ({}), field: "token" },
    ],
  },

  "users/actions-email:requestEmailChangeAction": {
    action: requestEmailChangeAction,
    // Needs the owner's current password: nobody else knows it.
    async arrange(w) {
      await w.h.setPassword(w.owner, PASSWORD);
      return { email: "New.Address@Example.com", currentPassword: PASSWORD };
    },
    changed: (w) =>
      exists(
        w,
        emailTokens,
        and(eq(emailTokens.userId, w.owner.id), eq(emailTokens.email, "new.address@example.com")),
      ),
    matrix: signedInMatrix("changes", "VALIDATION"),
    bad: [
      { input: (_w, good) => ({ ...spread(good), email: "nope" }), field: "email" },
      { input: (_w, good) => ({ ...spread(good), email: "" }), field: "email" },
      { input: (_w, good) => ({ ...spread(good), currentPassword: "" }), field: "currentPassword" },
    ],
  },

  "users/actions-email:cancelEmailChangeAction": {
    action: cancelEmailChangeAction,
    async arrange(w) {
      await ownerLink(w, "change", "pending@example.com");
      return undefined;
    },
    changed: (w) =>
      exists(
        w,
        emailTokens,
        and(
          eq(emailTokens.userId, w.owner.id),
          eq(emailTokens.purpose, "change"),
          isNotNull(emailTokens.usedAt),
        ),
      ),
    matrix: signedInMatrix("changes", "own"),
    bad: "none",
  },

  "users/actions-email:undoEmailChangeAction": {
    action: undoEmailChangeAction,
    async arrange(w) {
      return { token: await ownerLink(w, "undo", "old.owner@example.com") };
    },
    changed: async (w) => (await ownerRow(w))?.email === "old.owner@example.com",
    matrix: publicMatrix("changes"),
    bad: [{ input: () => ({ token: "x".repeat(44) }), field: "token" }],
  },
};
