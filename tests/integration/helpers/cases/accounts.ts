import { and, eq, gt, isNotNull } from "drizzle-orm";
import { passwordResetTokens, users } from "@/db/schema";
import { insertResetToken } from "@/lib/auth/queries";
import { createResetToken, RESET_TOKEN_TTL_MS } from "@/lib/auth/reset-token";
import { sessionClaims } from "@/lib/auth/session-token";
import {
  forgotPasswordAction,
  registerAction,
  resetPasswordAction,
  signInAction,
  signOutAction,
  signOutEverywhereAction,
} from "@/lib/users/actions";
import {
  changePasswordAction,
  removeAvatarAction,
  setAvatarAction,
  updateProfileAction,
} from "@/lib/users/actions-profile";
import { type ActionCase, publicMatrix, signedInMatrix, type World } from "../action-cases";
import { SESSION_COOKIE } from "../actions";
import { uploadedSlot } from "./posts";
import { exists } from "./social";

// Accounts and profiles: sign-up, sign-in and password reset are public; everything else acts on
// the signed-in account only, whatever the input says.

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new secret";

const ownerRow = async (w: World) =>
  (await w.h.db().select().from(users).where(eq(users.id, w.owner.id)))[0];

/** Whether the call set a session cookie, and it is the owner's. */
async function signedInAsOwner(w: World) {
  const value = w.h.sessionCookieSet();
  const claims = value
    ? await sessionClaims(
        { getAll: () => [{ name: SESSION_COOKIE, value }] },
        process.env.AUTH_SECRET,
      )
    : null;
  return claims?.sub === w.owner.id;
}

const sessionsEnded = async (w: World) =>
  ((await ownerRow(w))?.sessionVersion ?? 0) > w.owner.sessionVersion;

const spread = (good: unknown) => good as object;

export const accountCases: Record<string, ActionCase> = {
  "users/actions:registerAction": {
    action: registerAction,
    arrange: async () => ({
      email: "New.Person@Example.com",
      username: "New.Person",
      name: "New Person",
      password: PASSWORD,
    }),
    changed: (w) => exists(w, users, eq(users.username, "new.person")),
    matrix: publicMatrix("changes"),
    redirect: () => "/",
    bad: [
      { input: (_w, good) => ({ ...spread(good), email: "nope" }), field: "email" },
      { input: (_w, good) => ({ ...spread(good), password: "short" }), field: "password" },
      { input: (_w, good) => ({ ...spread(good), username: "admin" }), field: "username" },
      { input: (_w, good) => ({ ...spread(good), username: "bad name!" }), field: "username" },
      { input: (_w, good) => ({ ...spread(good), name: "   " }), field: "name" },
    ],
  },

  "users/actions:signInAction": {
    action: signInAction,
    async arrange(w) {
      await w.h.setPassword(w.owner, PASSWORD);
      return { identifier: ` ${w.owner.username.toUpperCase()} `, password: PASSWORD };
    },
    changed: signedInAsOwner,
    matrix: publicMatrix("changes"),
    redirect: () => "/",
    bad: [
      { input: (_w, good) => ({ ...spread(good), identifier: "" }), field: "identifier" },
      { input: (_w, good) => ({ ...spread(good), password: "" }), field: "password" },
      // A NUL would fail the user look-up in PostgreSQL: refused before it.
      { input: (_w, good) => ({ ...spread(good), identifier: "ana\u0000" }), field: "identifier" },
    ],
  },

  "users/actions:forgotPasswordAction": {
    action: forgotPasswordAction,
    arrange: async (w) => ({ email: w.owner.email.toUpperCase() }),
    changed: (w) => exists(w, passwordResetTokens, eq(passwordResetTokens.userId, w.owner.id)),
    matrix: publicMatrix("changes"),
    bad: [{ input: () => ({ email: "nope" }), field: "email" }],
  },

  "users/actions:resetPasswordAction": {
    action: resetPasswordAction,
    async arrange(w) {
      const { token, tokenHash } = createResetToken();
      const expiresAt = new Date(Date.now() + RESET_TOKEN_TTL_MS);
      await insertResetToken(w.h.db(), { userId: w.owner.id, tokenHash, expiresAt });
      return { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD };
    },
    changed: (w) =>
      exists(
        w,
        passwordResetTokens,
        and(eq(passwordResetTokens.userId, w.owner.id), isNotNull(passwordResetTokens.usedAt)),
      ),
    matrix: publicMatrix("changes"),
    redirect: () => "/",
    bad: [
      { input: (_w, good) => ({ ...spread(good), token: "not-a-token" }), field: "token" },
      { input: (_w, good) => ({ ...spread(good), token: "" }), field: "token" },
      {
        input: (_w, good) => ({ ...spread(good), password: "short", confirm: "short" }),
        field: "password",
      },
      { input: (_w, good) => ({ ...spread(good), confirm: "something else" }), field: "confirm" },
    ],
  },

  "users/actions:signOutAction": {
    action: signOutAction,
    arrange: async () => undefined,
    // The cookie is gone, and for those who had one, the app cleared it.
    changed: async (w) => w.h.sessionCookie() === undefined,
    matrix: publicMatrix("changes"),
    redirect: () => "/login",
    bad: "none",
  },

  "users/actions:signOutEverywhereAction": {
    action: signOutEverywhereAction,
    arrange: async () => undefined,
    changed: sessionsEnded,
    matrix: signedInMatrix("changes", "own"),
    redirect: () => "/login",
    bad: "none",
  },

  "users/actions-profile:updateProfileAction": {
    action: updateProfileAction,
    arrange: async () => ({ name: "Ana New", username: "Ana.New", bio: "Light", website: "" }),
    changed: async (w) => (await ownerRow(w))?.username === "ana.new",
    matrix: signedInMatrix("changes", "own"),
    bad: [
      {
        input: (_w, good) => ({ ...spread(good), website: "javascript:alert(1)" }),
        field: "website",
      },
      { input: (_w, good) => ({ ...spread(good), website: "not a url" }), field: "website" },
      { input: (_w, good) => ({ ...spread(good), bio: "x".repeat(151) }), field: "bio" },
      { input: (_w, good) => ({ ...spread(good), bio: "a\u0000b" }), field: "bio" },
      { input: (_w, good) => ({ ...spread(good), username: "admin" }), field: "username" },
      { input: (_w, good) => ({ ...spread(good), name: "" }), field: "name" },
    ],
  },

  "users/actions-profile:setAvatarAction": {
    action: setAvatarAction,
    // The owner's uploaded photo: nobody else can make it their avatar.
    arrange: async (w) => ({ slotId: await uploadedSlot(w, w.owner, "avatar") }),
    changed: async (w) => Boolean((await ownerRow(w))?.avatarKey),
    matrix: signedInMatrix("changes", "VALIDATION"),
    bad: [
      { input: () => ({ slotId: "x" }), field: "slotId" },
      {
        input: (_w, good) => ({ ...spread(good), crop: { x: 0.5, y: 0, width: 0.9, height: 1 } }),
        field: "crop",
      },
    ],
  },

  "users/actions-profile:removeAvatarAction": {
    action: removeAvatarAction,
    async arrange(w) {
      const avatarKey = `avatars/${w.owner.id}/old`;
      await w.h.db().update(users).set({ avatarKey }).where(eq(users.id, w.owner.id));
      return undefined;
    },
    changed: async (w) => (await ownerRow(w))?.avatarKey === null,
    matrix: signedInMatrix("changes", "own"),
    bad: "none",
  },

  "users/actions-profile:changePasswordAction": {
    action: changePasswordAction,
    // Needs the account's current password: nobody else knows the owner's.
    async arrange(w) {
      await w.h.setPassword(w.owner, PASSWORD);
      return { currentPassword: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD };
    },
    changed: async (w) =>
      exists(
        w,
        users,
        and(eq(users.id, w.owner.id), gt(users.sessionVersion, w.owner.sessionVersion)),
      ),
    matrix: signedInMatrix("changes", "VALIDATION"),
    bad: [
      {
        input: (_w, good) => ({ ...spread(good), password: "short", confirm: "short" }),
        field: "password",
      },
      { input: (_w, good) => ({ ...spread(good), confirm: "something else" }), field: "confirm" },
      { input: (_w, good) => ({ ...spread(good), currentPassword: "" }), field: "currentPassword" },
    ],
  },
};
