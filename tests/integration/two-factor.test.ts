import "./helpers/next-runtime";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { twoFactorRecoveryCodes, users, userTwoFactor } from "@/db/schema";
import { getAccountLimits } from "@/lib/auth/server-limits";
import { sessionClaims } from "@/lib/auth/session-token";
import { totpCode } from "@/lib/auth/totp";
import { twoFactorStatus } from "@/lib/auth/two-factor";
import { checkCredentials } from "@/lib/auth/two-factor-sign-in";
import { issueTicket } from "@/lib/auth/two-factor-ticket";
import { env } from "@/lib/env";
import { moderationNeedsTwoFactor } from "@/lib/moderation/access";
import { decideAction } from "@/lib/moderation/actions";
import { fileReport } from "@/lib/moderation/service";
import { resetPasswordAction, signInAction } from "@/lib/users/actions";
import { changePasswordAction } from "@/lib/users/actions-profile";
import {
  confirmTwoFactorAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
  signInCodeAction,
  startTwoFactorAction,
} from "@/lib/users/actions-two-factor";
import { type Outcome, SESSION_COOKIE, setupActionHarness, type TestUser } from "./helpers/actions";
import { insertPost } from "./helpers/social";
import { codeNow, enableTwoFactorFor, NEXT } from "./helpers/two-factor";

// Two-factor sign-in through what the browser calls: the password step (signInAction), the code
// step (signInCodeAction, which goes through next-auth's credentials authorize) and Settings.
const h = setupActionHarness();
const PASSWORD = "correct horse battery";
const SECRET = process.env.AUTH_SECRET ?? "";

async function signedInUser(): Promise<string | null> {
  const value = h.sessionCookieSet();
  if (!value) return null;
  const claims = await sessionClaims({ getAll: () => [{ name: SESSION_COOKIE, value }] }, SECRET);
  return typeof claims?.sub === "string" ? claims.sub : null;
}

/** An account with a password and two-factor on. */
async function enrolled(opts: { role?: TestUser["role"] } = {}) {
  const user = await h.user({ ...opts, password: PASSWORD });
  return { user, ...(await enableTwoFactorFor(h.db(), user)) };
}

/** The password step: answers the code-step ticket (and checks nobody was signed in by it). */
async function passwordStep(user: TestUser): Promise<string> {
  h.signOut();
  const out = await h.call(signInAction, { identifier: user.username, password: PASSWORD });
  expect(out).toMatchObject({ kind: "ok", data: { twoFactor: true } });
  expect(await signedInUser()).toBeNull();
  return (out as { data: { ticket: string } }).data.ticket;
}

const codeStep = (ticket: string, code: string): Promise<Outcome> =>
  h.call(signInCodeAction, { ticket, code });

describe("enrolment", () => {
  it("shows a secret, refuses a wrong first code, turns on with the right one", async () => {
    const user = await h.user({ password: PASSWORD });
    await h.signInAs(user);
    expect(await h.call(startTwoFactorAction)).toMatchObject({ kind: "ok" });
    const pending = await twoFactorStatus(h.db(), user);
    if (pending.state !== "pending") throw new Error("expected a pending secret");
    expect(pending.uri).toContain(`secret=${pending.secret}`);

    // Stored sealed: the secret is not in the row.
    const [row] = await h
      .db()
      .select()
      .from(userTwoFactor)
      .where(eq(userTwoFactor.userId, user.id));
    expect(row?.secretEnc).not.toContain(pending.secret);

    const wrongCode = String((Number(totpCode(pending.secret)) + 1) % 1_000_000).padStart(6, "0");
    const wrong = await h.call(confirmTwoFactorAction, { code: wrongCode });
    expect(wrong).toMatchObject({ kind: "fail", code: "VALIDATION" });
    expect((wrong as { fieldErrors?: object }).fieldErrors).toHaveProperty("code");
    expect((await twoFactorStatus(h.db(), user)).state).toBe("pending");

    const right = await h.call(confirmTwoFactorAction, { code: totpCode(pending.secret) });
    expect(right.kind).toBe("ok");
    const codes = (right as { data: { recoveryCodes: string[] } }).data.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(await twoFactorStatus(h.db(), user)).toEqual({ state: "on", recoveryCodesLeft: 10 });
    // Only hashes are stored.
    const stored = await h
      .db()
      .select()
      .from(twoFactorRecoveryCodes)
      .where(eq(twoFactorRecoveryCodes.userId, user.id));
    expect(JSON.stringify(stored)).not.toContain(codes[0]?.replace("-", "") ?? "?");

    // Starting again while on changes nothing.
    expect(await h.call(startTwoFactorAction)).toMatchObject({ kind: "fail", code: "CONFLICT" });
  });
});

describe("signing in", () => {
  it("needs the password step and then a code: the current one signs in", async () => {
    const { user, secret } = await enrolled();
    const ticket = await passwordStep(user);
    const out = await codeStep(ticket, codeNow(secret));
    expect(out).toEqual({ kind: "redirect", to: "/" });
    expect(await signedInUser()).toBe(user.id);
  });

  it("accepts the next step's code (clock drift), not one two steps away", async () => {
    const { user, secret } = await enrolled();
    const far = await codeStep(await passwordStep(user), codeNow(secret, 2 * NEXT));
    expect(far).toMatchObject({ kind: "fail", code: "UNAUTHENTICATED" });
    expect(await signedInUser()).toBeNull();
    const ok = await codeStep(await passwordStep(user), codeNow(secret, NEXT));
    expect(ok.kind).toBe("redirect");
    expect(await signedInUser()).toBe(user.id);
  });

  it("refuses a code already used, and an older one", async () => {
    const { user, secret, enrolmentCode } = await enrolled();
    // The code that turned two-factor on is spent.
    const spent = await codeStep(await passwordStep(user), enrolmentCode);
    expect(spent).toMatchObject({ kind: "fail", code: "UNAUTHENTICATED" });
    const code = codeNow(secret);
    expect((await codeStep(await passwordStep(user), code)).kind).toBe("redirect");
    const again = await codeStep(await passwordStep(user), code);
    expect(again).toMatchObject({ kind: "fail", code: "UNAUTHENTICATED" });
    expect(await signedInUser()).toBeNull();
  });

  it("never signs a two-factor account in with the password alone", async () => {
    const { user, secret } = await enrolled();
    const limits = getAccountLimits();
    const ip = h.clientAddress();
    const byPassword = await checkCredentials(
      h.db(),
      limits,
      { identifier: user.username, password: PASSWORD },
      ip,
    );
    expect(byPassword.kind).toBe("two-factor");
    // A code without a ticket is not a sign-in either.
    expect(
      (
        await checkCredentials(
          h.db(),
          limits,
          { identifier: user.username, code: codeNow(secret) },
          ip,
        )
      ).kind,
    ).toBe("refused");
    // A forged, foreign or expired ticket is refused.
    const forged = await codeStep("bm90IGEgdGlja2V0", codeNow(secret));
    expect(forged).toMatchObject({ kind: "fail", code: "UNAUTHENTICATED" });
    const other = await enrolled();
    const foreign = await codeStep(issueTicket(SECRET, "pending", other.user), codeNow(secret));
    expect(foreign).toMatchObject({ kind: "fail", code: "UNAUTHENTICATED" });
    const old = issueTicket(SECRET, "pending", user, Date.now() - 6 * 60_000);
    expect(await codeStep(old, codeNow(secret))).toMatchObject({ kind: "fail" });
    // A ticket from before a password reset (session version bump) is void.
    const ticket = await passwordStep(user);
    await h
      .db()
      .update(users)
      .set({ sessionVersion: user.sessionVersion + 1 })
      .where(eq(users.id, user.id));
    expect(await codeStep(ticket, codeNow(secret))).toMatchObject({ kind: "fail" });
    expect(await signedInUser()).toBeNull();
  });

  it("spends the ticket: it signs in once", async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    const ticket = await passwordStep(user);
    expect((await codeStep(ticket, codeNow(secret))).kind).toBe("redirect");
    const replay = await codeStep(ticket, recoveryCodes[0] ?? "");
    expect(replay).toMatchObject({ kind: "fail", code: "UNAUTHENTICATED" });
    // The recovery code was not spent by the refused try.
    expect(await twoFactorStatus(h.db(), user)).toEqual({ state: "on", recoveryCodesLeft: 10 });
  });

  it("takes a recovery code instead of a code, once", async () => {
    const { user, recoveryCodes } = await enrolled();
    const code = recoveryCodes[3] ?? "";
    // Typed in capitals, without the dash.
    const out = await codeStep(await passwordStep(user), code.toUpperCase().replace("-", ""));
    expect(out.kind).toBe("redirect");
    expect(await signedInUser()).toBe(user.id);
    expect(await twoFactorStatus(h.db(), user)).toEqual({ state: "on", recoveryCodesLeft: 9 });
    const again = await codeStep(await passwordStep(user), code);
    expect(again).toMatchObject({ kind: "fail", code: "UNAUTHENTICATED" });
  });

  it("limits wrong codes per account: 5 in 15 minutes, a new password step gives none back", async () => {
    const { user, secret } = await enrolled();
    const wrong = String((Number(codeNow(secret)) + 500_000) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 5; i++) {
      const out = await codeStep(await passwordStep(user), wrong);
      expect(out).toMatchObject({ kind: "fail", code: "UNAUTHENTICATED" });
    }
    const limited = await codeStep(await passwordStep(user), codeNow(secret));
    expect(limited).toMatchObject({ kind: "fail", code: "RATE_LIMITED" });
    expect(await signedInUser()).toBeNull();
    // From another address too.
    h.setClientAddress("198.51.100.77");
    const elsewhere = await codeStep(await passwordStep(user), codeNow(secret));
    expect(elsewhere).toMatchObject({ kind: "fail", code: "RATE_LIMITED" });
  });
});

describe("settings", () => {
  it("turns off only with the password; then the password alone signs in", async () => {
    const { user } = await enrolled();
    await h.signInAs(user);
    const wrong = await h.call(disableTwoFactorAction, { password: "not my password" });
    expect(wrong).toMatchObject({ kind: "fail", code: "VALIDATION" });
    expect((await twoFactorStatus(h.db(), user)).state).toBe("on");
    expect((await h.call(disableTwoFactorAction, { password: PASSWORD })).kind).toBe("ok");
    expect((await twoFactorStatus(h.db(), user)).state).toBe("off");
    h.signOut();
    const out = await h.call(signInAction, { identifier: user.username, password: PASSWORD });
    expect(out).toEqual({ kind: "redirect", to: "/" });
    expect(await signedInUser()).toBe(user.id);
  });

  it("new recovery codes need the password and retire the old ones", async () => {
    const { user, recoveryCodes } = await enrolled();
    await h.signInAs(user);
    const wrong = await h.call(regenerateRecoveryCodesAction, { password: "nope nope" });
    expect(wrong).toMatchObject({ kind: "fail", code: "VALIDATION" });
    const out = await h.call(regenerateRecoveryCodesAction, { password: PASSWORD });
    const fresh = (out as { data: { recoveryCodes: string[] } }).data.recoveryCodes;
    expect(fresh).toHaveLength(10);
    const old = await codeStep(await passwordStep(user), recoveryCodes[0] ?? "");
    expect(old).toMatchObject({ kind: "fail", code: "UNAUTHENTICATED" });
    expect((await codeStep(await passwordStep(user), fresh[0] ?? "")).kind).toBe("redirect");
  });

  it("a password change keeps a two-factor account signed in", async () => {
    const { user } = await enrolled();
    await h.signInAs(user);
    const out = await h.call(changePasswordAction, {
      currentPassword: PASSWORD,
      password: "another long password",
      confirm: "another long password",
    });
    expect(out.kind, JSON.stringify(out)).toBe("ok");
    expect(await signedInUser()).toBe(user.id);
  });

  it("a reset link sets the password and then asks for the code", async () => {
    const { user, secret } = await enrolled();
    const { createResetToken } = await import("@/lib/auth/reset-token");
    const { insertResetToken } = await import("@/lib/auth/queries");
    const { token, tokenHash } = createResetToken();
    await insertResetToken(h.db(), {
      userId: user.id,
      tokenHash,
      expiresAt: new Date(Date.now() + 60_000),
    });
    const out = await h.call(resetPasswordAction, {
      token,
      password: "a fresh password here",
      confirm: "a fresh password here",
    });
    expect(out).toMatchObject({ kind: "ok", data: { twoFactor: true } });
    expect(await signedInUser()).toBeNull();
    const ticket = (out as { data: { ticket: string } }).data.ticket;
    expect((await codeStep(ticket, codeNow(secret))).kind).toBe("redirect");
    expect(await signedInUser()).toBe(user.id);
  });
});

describe("moderation needs two-factor when MODERATION_REQUIRES_2FA is on", () => {
  const setting = env as { MODERATION_REQUIRES_2FA: boolean };

  async function reportedPost() {
    const author = await h.user();
    const reporter = await h.user();
    const targetId = await insertPost(h.db(), author.id);
    const r = await fileReport(h.db(), reporter.id, {
      targetType: "post",
      targetId,
      reason: "spam",
      details: "",
    });
    if (!r.ok) throw new Error(r.message);
    return { targetType: "post", targetId, decision: "remove" };
  }

  it("off (the default): a moderator without two-factor moderates", async () => {
    expect(setting.MODERATION_REQUIRES_2FA).toBe(false);
    const mod = await h.user({ role: "moderator" });
    expect(await moderationNeedsTwoFactor(h.db(), mod)).toBe(false);
    await h.signInAs(mod);
    expect((await h.call(decideAction, await reportedPost())).kind).toBe("ok");
  });

  it("on: refused without two-factor, allowed with it; plain users are not asked", async () => {
    setting.MODERATION_REQUIRES_2FA = true;
    try {
      const input = await reportedPost();
      const mod = await h.user({ role: "moderator" });
      expect(await moderationNeedsTwoFactor(h.db(), mod)).toBe(true);
      await h.signInAs(mod);
      const before = await h.snapshot();
      const refused = await h.call(decideAction, input);
      expect(refused).toMatchObject({
        kind: "fail",
        code: "FORBIDDEN",
        message: expect.stringContaining("two-factor"),
      });
      expect(await h.snapshot()).toBe(before);

      const admin = (await enrolled({ role: "admin" })).user;
      expect(await moderationNeedsTwoFactor(h.db(), admin)).toBe(false);
      await h.signInAs(admin);
      expect((await h.call(decideAction, input)).kind).toBe("ok");

      const plain = await h.user();
      expect(await moderationNeedsTwoFactor(h.db(), plain)).toBe(false);
    } finally {
      setting.MODERATION_REQUIRES_2FA = false;
    }
  });
});
