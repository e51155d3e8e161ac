import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { passwordResetTokens, users } from "@/db/schema";
import * as accounts from "@/lib/auth/accounts";
import { isResetTokenUsable, requestPasswordReset } from "@/lib/auth/accounts";
import { type AccountLimits, createAccountLimits } from "@/lib/auth/limits";
import { hashResetToken } from "@/lib/auth/reset-token";
import { forgotPasswordSchema, resetPasswordSchema, signInSchema } from "@/lib/auth/validation";
import { withTestDatabase } from "./helpers/db";
import { memoryMailer, registeredAccount, tokenFromMail } from "./helpers/fixtures";

const database = withTestDatabase();
let limits: AccountLimits;
let mailer: ReturnType<typeof memoryMailer>;
beforeEach(() => {
  limits = createAccountLimits({ kind: "memory" });
  mailer = memoryMailer();
});

// The services take parsed input: parsed here as the actions do (malformed input is refused by
// the actions: actions-accounts.test.ts).
const appUrl = "https://snapgram.test";
const request = (email: string, ip = "2.2.2.2", now?: Date) =>
  requestPasswordReset(
    database.db,
    { limits, mailer, appUrl, now },
    forgotPasswordSchema.parse({ email }),
    ip,
  );
const resetPassword = (db: Db, input: unknown) =>
  accounts.resetPassword(db, resetPasswordSchema.parse(input));
const authenticate = (db: Db, l: AccountLimits, input: unknown, ip: string) =>
  accounts.authenticate(db, l, signInSchema.parse(input), ip);

const registered = () => registeredAccount(database.db);

describe("password reset", () => {
  it("answers the same for known and unknown addresses, mailing only the known one", async () => {
    const { input } = await registered();
    const known = await request(input.email.toUpperCase());
    const unknown = await request("nobody@example.com");
    expect(known).toEqual(unknown);
    expect(known.ok).toBe(true);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]?.to).toBe(input.email);
    expect(mailer.sent[0]?.text).toContain(`${appUrl}/reset-password?token=`);
  });

  it("stores only the hash of the 32-byte token, valid for one hour", async () => {
    const { input, user } = await registered();
    const now = new Date("2026-11-25T10:00:00Z");
    await request(input.email, "2.2.2.2", now);
    const token = tokenFromMail(mailer.sent[0] ?? { to: "", subject: "", text: "", html: "" });
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const [row] = await database.db
      .select()
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.userId, user.id));
    expect(row?.tokenHash).toBe(hashResetToken(token));
    expect(row?.tokenHash).not.toContain(token);
    expect(row?.expiresAt.getTime()).toBe(now.getTime() + 60 * 60 * 1000);
  });

  it("sets the new password once, ends every session and refuses the link afterwards", async () => {
    const { input, user } = await registered();
    await request(input.email);
    const token = tokenFromMail(mailer.sent[0] ?? { to: "", subject: "", text: "", html: "" });
    expect(await isResetTokenUsable(database.db, token)).toBe(true);

    const password = "a brand new password";
    const result = await resetPassword(database.db, { token, password, confirm: password });
    expect(result).toMatchObject({ ok: true, data: { id: user.id } });
    expect(result.ok && result.data.sessionVersion).toBe(user.sessionVersion + 1);

    const signIn = (pw: string) =>
      authenticate(database.db, limits, { identifier: input.username, password: pw }, "3.3.3.3");
    expect((await signIn(password)).ok).toBe(true);
    expect((await signIn(input.password)).ok).toBe(false);

    const again = await resetPassword(database.db, {
      token,
      password: "x".repeat(12),
      confirm: "x".repeat(12),
    });
    expect(again).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(!again.ok && again.fieldErrors?.token?.[0]).toMatch(/invalid, expired or already used/);
    expect(await isResetTokenUsable(database.db, token)).toBe(false);
  });

  it("refuses an expired token and changes nothing", async () => {
    const { input } = await registered();
    const issued = new Date(Date.now() - 61 * 60 * 1000);
    await request(input.email, "2.2.2.2", issued);
    const token = tokenFromMail(mailer.sent[0] ?? { to: "", subject: "", text: "", html: "" });
    const result = await resetPassword(database.db, {
      token,
      password: "another password",
      confirm: "another password",
    });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    const [row] = await database.db.select().from(users).where(eq(users.email, input.email));
    expect(row?.sessionVersion).toBe(1);
  });

  it.each([["forged", Buffer.alloc(32, 7).toString("base64url")]])(
    "refuses a %s token",
    async (_kind, token) => {
      await registered();
      const result = await resetPassword(database.db, {
        token,
        password: "another password",
        confirm: "another password",
      });
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      expect(!result.ok && result.fieldErrors?.token).toBeDefined();
    },
  );

  it("limits requests per e-mail and per IP with a clear message", async () => {
    const { input } = await registered();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await request(input.email, `5.5.5.${i}`));
    expect(results.slice(0, 3).every((r) => r.ok)).toBe(true);
    expect(results[3]).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(!results[3]?.ok && results[3]?.message).toMatch(
      /Too many reset requests. Try again in \d+ minutes?/,
    );
    expect(mailer.sent).toHaveLength(3);

    const fromOneIp = [];
    for (let i = 0; i < 21; i++)
      fromOneIp.push(await request(`someone${i}@example.com`, "6.6.6.6"));
    expect(fromOneIp.at(-1)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });
});
