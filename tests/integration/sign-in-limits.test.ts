import { describe, expect, it } from "vitest";
import {
  authenticate,
  explainFailedSignIn,
  requestPasswordReset,
  resetPassword,
  signInRefusal,
  signInWait,
} from "@/lib/auth/accounts";
import { type AccountLimits, createAccountLimits } from "@/lib/auth/limits";
import { accountKey, claimSignInAttempt, recordSignInFailure } from "@/lib/auth/sign-in-limits";
import type { RateLimitStore } from "@/lib/rate-limit";
import { withTestDatabase } from "./helpers/db";
import { memoryMailer, registeredAccount, tokenFromMail } from "./helpers/fixtures";

// Failed sign-ins must slow an attacker down without letting anyone lock the owner out.

const database = withTestDatabase();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One wrong password as authenticate counts it: the attempt claimed, then the failure. */
async function failedAttempt(limits: AccountLimits, account: string, ip: string) {
  await claimSignInAttempt(limits, account, ip);
  await recordSignInFailure(limits, account);
}

const registered = () => registeredAccount(database.db);
/** authenticate() with a username or email and a password, from `ip`. */
const signIn = (limits: AccountLimits, identifier: string, password: string, ip: string) =>
  authenticate(database.db, limits, { identifier, password }, ip);

describe.each<[string, () => RateLimitStore]>([
  ["memory", () => ({ kind: "memory" })],
  ["database", () => ({ kind: "database", db: database.db })],
])("%s store", (_name, store) => {
  // Windows of 15 minutes scaled to 5 seconds; the account's delay starts at 1 second (5 failures)
  // and doubles, at most 3 seconds here.
  const limitsFor = (): AccountLimits => ({
    ...createAccountLimits(store(), 1 / 180),
    loginDelay: { delayAfter: 5, baseMs: 1000, maxMs: 3000 },
  });

  it("an attacker's 50 wrong guesses delay the owner at another address, never lock them out", async () => {
    const { input } = await registered();
    const limits = limitsFor();
    const attempt = (password: string, ip: string) => signIn(limits, input.username, password, ip);

    const attacker = [];
    for (let i = 0; i < 50; i++) attacker.push(await attempt(`wrong-${i}-password`, "6.6.6.6"));
    expect(attacker.every((r) => !r.ok)).toBe(true);
    expect(attacker.slice(0, 5).every((r) => !r.ok && r.code === "UNAUTHENTICATED")).toBe(true);
    // Once the delay runs, guesses are refused unchecked (a busy machine may outlast a delay).
    const checked = attacker.filter((r) => !r.ok && r.code === "UNAUTHENTICATED").length;
    expect(checked).toBeLessThanOrEqual(10);

    // The owner, elsewhere, with the right password: at most the delay to wait.
    const wait = await signInWait(database.db, limits, input.email, "7.7.7.7");
    expect(wait).toBeLessThanOrEqual(limits.loginDelay.maxMs);
    await sleep(wait + 50);
    expect((await attempt(input.password, "7.7.7.7")).ok).toBe(true);
  });

  it("counts parallel guesses before checking them: a burst gets no more checks than the limit", async () => {
    const { input } = await registered();
    // No per-account delay here: only the account+address limit (10) stands.
    const limits = { ...limitsFor(), loginDelay: { delayAfter: 1000, baseMs: 1, maxMs: 1 } };
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        authenticate(
          database.db,
          limits,
          { identifier: input.username, password: `wrong-${i}-password` },
          "6.6.6.6",
        ),
      ),
    );
    const checked = burst.filter((r) => !r.ok && r.code === "UNAUTHENTICATED").length;
    expect(checked).toBe(10);
    expect(burst.filter((r) => !r.ok && r.code === "RATE_LIMITED")).toHaveLength(20);
  });

  it("does not count a right password against its address", async () => {
    const { input } = await registered();
    const limits = limitsFor();
    for (let i = 0; i < 5; i++) {
      const r = await signIn(limits, input.username, input.password, "8.8.8.8");
      expect(r.ok).toBe(true);
    }
    expect(await limits.loginPerIp.left("8.8.8.8")).toMatchObject({
      points: limits.loginPerIp.rule.points,
    });
  });

  it("tells the owner how long to wait, or to reset the password", async () => {
    const { input, user } = await registered();
    const limits = limitsFor();
    const key = accountKey(user, input.username);
    for (let i = 0; i < 6; i++) await failedAttempt(limits, key, "6.6.6.6");
    const during = await signIn(limits, input.username, input.password, "7.7.7.7");
    expect(during).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(!during.ok && during.message).toMatch(
      /^Too many failed sign-ins for this account\. Wait [12] seconds? and try again, or use "Forgot password\?"/,
    );
  });

  it("a password reset lets the owner in at once, however long the delay", async () => {
    const { input, user } = await registered();
    const limits = limitsFor();
    // 40 failures from 4 addresses, as if the attacker had waited out every delay.
    const key = accountKey(user, input.username);
    for (let i = 0; i < 40; i++) await failedAttempt(limits, key, `6.6.6.${i % 4}`);
    expect(await signInWait(database.db, limits, input.username, "7.7.7.7")).toBeGreaterThan(2000);
    const refused = await signIn(limits, input.username, input.password, "7.7.7.7");
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED" });

    const mailer = memoryMailer();
    const appUrl = "https://snapgram.test";
    const email = { email: input.email };
    await requestPasswordReset(database.db, { limits, mailer, appUrl }, email, "7.7.7.7");
    const token = tokenFromMail(mailer.sent[0] ?? { to: "", subject: "", text: "", html: "" });
    const password = "the owner's new password";
    expect((await resetPassword(database.db, { token, password, confirm: password })).ok).toBe(
      true,
    );

    // At once, from the owner's address and from one the attacker used.
    for (const ip of ["7.7.7.7", "6.6.6.0"]) {
      expect(await signInRefusal(database.db, limits, input.username, ip)).toBeNull();
      const after = await signIn(limits, input.username, password, ip);
      expect(after.ok).toBe(true);
    }
  });

  it("the account's delay doubles from the 5th failure and stops at its cap", async () => {
    const { input, user } = await registered();
    const limits = { ...limitsFor(), loginDelay: { delayAfter: 5, baseMs: 1000, maxMs: 60_000 } };
    const key = accountKey(user, input.username);
    const delays: number[] = [];
    for (let i = 1; i <= 12; i++) {
      await failedAttempt(limits, key, `6.6.${i}.1`);
      delays.push(await limits.loginDelayPerAccount.blockedFor(key));
    }
    expect(delays.slice(0, 4)).toEqual([0, 0, 0, 0]);
    const seconds = delays.slice(4).map((ms) => Math.round(ms / 1000));
    expect(seconds).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it("a right password ends the account's delay", async () => {
    const { input, user } = await registered();
    const limits = limitsFor();
    const key = accountKey(user, input.username);
    for (let i = 0; i < 5; i++) await failedAttempt(limits, key, "6.6.6.6");
    await sleep((await signInWait(database.db, limits, input.username, "7.7.7.7")) + 50);
    const ok = await signIn(limits, input.username, input.password, "7.7.7.7");
    expect(ok.ok).toBe(true);
    // The count starts again: one more failure sets no delay.
    await failedAttempt(limits, key, "6.6.6.6");
    expect(await signInWait(database.db, limits, input.username, "7.7.7.7")).toBe(0);
  });

  it("10 failures refuse that account from that address only", async () => {
    const owner = await registered();
    const other = await registered();
    // No account delay here, to see the per-address limits alone.
    const limits = { ...limitsFor(), loginDelay: { delayAfter: 1000, baseMs: 1, maxMs: 1 } };
    const attempt = (who: typeof owner, password: string, ip: string) =>
      signIn(limits, who.input.email, password, ip);
    for (let i = 0; i < 10; i++) {
      expect(await attempt(owner, `wrong-${i}-password`, "6.6.6.6")).toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    expect(await attempt(owner, owner.input.password, "6.6.6.6")).toMatchObject({
      code: "RATE_LIMITED",
    });
    expect((await attempt(other, other.input.password, "6.6.6.6")).ok).toBe(true);
    expect((await attempt(owner, owner.input.password, "7.7.7.7")).ok).toBe(true);
  });

  it("100 failures from one address refuse it for every account, not other addresses", async () => {
    const { input } = await registered();
    const limits = limitsFor();
    for (let i = 0; i < 100; i++) await failedAttempt(limits, `login:user${i}`, "6.6.6.6");
    const fromSprayer = await signIn(limits, input.username, input.password, "6.6.6.6");
    expect(fromSprayer).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(!fromSprayer.ok && fromSprayer.message).toMatch(/Too many sign-in attempts/);
    const elsewhere = await signIn(limits, input.username, input.password, "7.7.7.7");
    expect(elsewhere.ok).toBe(true);
  });

  it("a wrong password says so, and how long the account now waits", async () => {
    const { input } = await registered();
    const limits = limitsFor();
    const credentials = { identifier: input.username, password: "wrong password" };
    for (let i = 0; i < 4; i++) {
      await authenticate(database.db, limits, credentials, "6.6.6.6");
      expect(await explainFailedSignIn(database.db, limits, credentials, "6.6.6.6")).toEqual({
        ok: false,
        code: "UNAUTHENTICATED",
        message: "Incorrect username, email or password.",
      });
    }
    await authenticate(database.db, limits, credentials, "6.6.6.6");
    const fifth = await explainFailedSignIn(database.db, limits, credentials, "6.6.6.6");
    expect(fifth).toMatchObject({ code: "RATE_LIMITED" });
    expect(fifth.message).toMatch(/^Incorrect username, email or password\. Too many failed/);
  });
});
