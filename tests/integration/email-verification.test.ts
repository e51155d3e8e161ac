import "./helpers/next-runtime";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailTokens, users } from "@/db/schema";
import { hashResetToken } from "@/lib/auth/reset-token";
import { addCommentAction } from "@/lib/comments/actions";
import { suggestedPeople } from "@/lib/discover/queries";
import { VERIFY_SUBJECT } from "@/lib/email/templates-account";
import { setFollowAction } from "@/lib/follows/actions";
import { registerAction } from "@/lib/users/actions";
import { resendVerificationAction, verifyEmailAction } from "@/lib/users/actions-email";
import { setupActionHarness } from "./helpers/actions";
import { linkTokenIn } from "./helpers/email";
import { newAccount } from "./helpers/fixtures";
import { insertPost, insertUsers, urls } from "./helpers/social";

// E-mail verification through the real actions: sign-up mails a link, the link works once and
// for 24 hours, "Resend" is limited, and until verified the account may comment and follow only
// a handful of times an hour and is never suggested to others.

const h = setupActionHarness();
const db = () => h.db();
const account = async (email: string) =>
  (await db().select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`))[0];

/** Signs up through registerAction (signed in afterwards, as the browser is). */
async function signUp() {
  const input = newAccount();
  expect(await h.call(registerAction, input)).toEqual({ kind: "redirect", to: "/" });
  const row = await account(input.email);
  if (!row) throw new Error("no account");
  return { input, row };
}

describe("e-mail verification", () => {
  it("mails a new account a link that verifies it once; the link then says it is used", async () => {
    const { input, row } = await signUp();
    expect(row.emailVerifiedAt).toBeNull();
    const mail = h.mailer.sent.find((m) => m.to === input.email.toLowerCase());
    expect(mail?.subject).toBe(VERIFY_SUBJECT);
    expect(mail?.text).toContain("http://localhost:3000/verify-email?token=");
    const token = linkTokenIn(h.mailer.sent, input.email, "verify-email");
    // Only the hash is stored.
    const [stored] = await db().select().from(emailTokens).where(eq(emailTokens.userId, row.id));
    expect(stored?.tokenHash).toBe(hashResetToken(token));
    const ttl = (stored?.expiresAt.getTime() ?? 0) - (stored?.createdAt.getTime() ?? 0);
    expect(Math.abs(ttl - 24 * 60 * 60 * 1000)).toBeLessThan(5_000);

    h.signOut(); // the link works on any device, signed in or not
    expect(await h.call(verifyEmailAction, { token })).toMatchObject({
      kind: "ok",
      data: { purpose: "verify", email: input.email.toLowerCase() },
    });
    expect((await account(input.email))?.emailVerifiedAt).toBeInstanceOf(Date);

    const again = await h.call(verifyEmailAction, { token });
    expect(again).toMatchObject({ kind: "fail", code: "VALIDATION" });
    expect(again.kind === "fail" && again.fieldErrors?.token?.[0]).toMatch(
      /invalid, expired or already used/,
    );
  });

  it("refuses an expired link and leaves the account unverified", async () => {
    const { input, row } = await signUp();
    const token = linkTokenIn(h.mailer.sent, input.email, "verify-email");
    await db()
      .update(emailTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailTokens.userId, row.id));
    expect(await h.call(verifyEmailAction, { token })).toMatchObject({
      kind: "fail",
      code: "VALIDATION",
    });
    expect((await account(input.email))?.emailVerifiedAt).toBeNull();
  });

  it("resends a fresh link (the older one stops working), at most 3 an hour", async () => {
    const { input } = await signUp();
    const first = linkTokenIn(h.mailer.sent, input.email, "verify-email");
    expect(await h.call(resendVerificationAction)).toMatchObject({ kind: "ok" });
    const second = linkTokenIn(h.mailer.sent, input.email, "verify-email");
    expect(second).not.toBe(first);
    expect(await h.call(verifyEmailAction, { token: first })).toMatchObject({ kind: "fail" });

    expect(await h.call(resendVerificationAction)).toMatchObject({ kind: "ok" });
    expect(await h.call(resendVerificationAction)).toMatchObject({ kind: "ok" });
    const sent = h.mailer.sent.length;
    const limited = await h.call(resendVerificationAction);
    expect(limited).toMatchObject({ kind: "fail", code: "RATE_LIMITED" });
    expect(limited.kind === "fail" && limited.message).toMatch(/Too many verification mails/);
    expect(h.mailer.sent).toHaveLength(sent);

    // The newest link still verifies; then there is nothing left to resend.
    const newest = linkTokenIn(h.mailer.sent, input.email, "verify-email");
    expect(await h.call(verifyEmailAction, { token: newest })).toMatchObject({ kind: "ok" });
    expect(await h.call(resendVerificationAction)).toMatchObject({
      kind: "fail",
      code: "CONFLICT",
    });
  });

  it("lets an unverified account comment 5 times an hour, then asks it to verify", async () => {
    const { row } = await signUp();
    const [author] = await insertUsers(db(), 1);
    const postId = await insertPost(db(), author.id);
    for (let i = 0; i < 5; i++) {
      expect(await h.call(addCommentAction, { postId, body: `hi ${i}` })).toMatchObject({
        kind: "ok",
      });
    }
    const before = await h.snapshot();
    const refused = await h.call(addCommentAction, { postId, body: "one more" });
    expect(refused).toMatchObject({ kind: "fail", code: "RATE_LIMITED" });
    expect(refused.kind === "fail" && refused.message).toMatch(
      /^Verify your e-mail to comment more/,
    );
    expect(await h.snapshot()).toBe(before);

    // Verified, the same account comments on.
    await db().update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, row.id));
    expect(await h.call(addCommentAction, { postId, body: "verified now" })).toMatchObject({
      kind: "ok",
    });
  });

  it("lets an unverified account follow 5 accounts an hour; unfollowing is never limited", async () => {
    await signUp();
    const people = await insertUsers(db(), 6);
    for (const p of people.slice(0, 5)) {
      expect(await h.call(setFollowAction, { userId: p.id, follow: true })).toMatchObject({
        kind: "ok",
      });
    }
    const refused = await h.call(setFollowAction, { userId: people[5]?.id, follow: true });
    expect(refused).toMatchObject({ kind: "fail", code: "RATE_LIMITED" });
    expect(refused.kind === "fail" && refused.message).toMatch(
      /^Verify your e-mail to follow more/,
    );
    expect(await h.call(setFollowAction, { userId: people[0]?.id, follow: false })).toMatchObject({
      kind: "ok",
    });
  });

  it("does not limit a verified account to the handful", async () => {
    const [me, author] = await insertUsers(db(), 2);
    await h.signInAs(me);
    const postId = await insertPost(db(), author.id);
    for (let i = 0; i < 7; i++) {
      expect(await h.call(addCommentAction, { postId, body: `c${i}` })).toMatchObject({
        kind: "ok",
      });
    }
  });

  it("never suggests an unverified account, and does once it is verified", async () => {
    const [viewer, popular] = await insertUsers(db(), 2);
    const { row } = await signUp();
    // The new account is the most followed: it would come first if it could be suggested.
    await db().update(users).set({ followerCount: 50 }).where(eq(users.id, row.id));
    const ids = async () =>
      (await suggestedPeople(db(), { viewerId: viewer.id }, urls)).map((p) => p.id);
    expect(await ids()).toEqual([popular.id]);
    await db().update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, row.id));
    expect(await ids()).toEqual([row.id, popular.id]);
  });

  it("counts accounts made before verification existed (and the seed's) as verified", async () => {
    const [old] = await insertUsers(db(), 1);
    expect(old.emailVerifiedAt).toBeInstanceOf(Date);
  });
});
