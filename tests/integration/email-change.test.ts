import "./helpers/next-runtime";
import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailTokens, sessions, users } from "@/db/schema";
import { findEmailState } from "@/lib/auth/email-queries";
import { CHANGE_SUBJECT, CHANGED_SUBJECT } from "@/lib/email/templates-account";
import {
  cancelEmailChangeAction,
  requestEmailChangeAction,
  resendVerificationAction,
  undoEmailChangeAction,
  verifyEmailAction,
} from "@/lib/users/actions-email";
import { setupActionHarness, type TestUser } from "./helpers/actions";
import { linkTokenIn } from "./helpers/email";

// Changing the e-mail through the real actions: it needs the current password, the new address
// takes effect only once its link is opened, the old address can undo it for 7 days (which signs
// every device out), and an address another account uses is refused.

const h = setupActionHarness();
const db = () => h.db();
const PASSWORD = "correct horse battery";
const NEW = "new.me@example.com";

const row = async (u: TestUser) => (await db().select().from(users).where(eq(users.id, u.id)))[0];

/** A signed-in account with a real password. */
async function me() {
  const u = await h.user();
  await h.setPassword(u, PASSWORD);
  await h.signInAs(u);
  return u;
}

/** Asks for NEW and opens its link: the change is in effect; answers the old address's undo token. */
async function changeTo(u: TestUser, email = NEW) {
  expect(
    await h.call(requestEmailChangeAction, { email, currentPassword: PASSWORD }),
  ).toMatchObject({ kind: "ok", data: { pendingEmail: email.toLowerCase() } });
  const token = linkTokenIn(h.mailer.sent, email, "verify-email");
  expect(await h.call(verifyEmailAction, { token })).toMatchObject({
    kind: "ok",
    data: { purpose: "change", email: email.toLowerCase() },
  });
  return linkTokenIn(h.mailer.sent, u.email, "undo-email-change");
}

describe("changing the e-mail", () => {
  it("needs the current password and changes nothing without it", async () => {
    const u = await me();
    const before = await h.snapshot();
    const out = await h.call(requestEmailChangeAction, {
      email: NEW,
      currentPassword: "wrong one",
    });
    expect(out).toMatchObject({ kind: "fail", code: "VALIDATION" });
    expect(out.kind === "fail" && out.fieldErrors?.currentPassword?.[0]).toBe(
      "That password isn't right.",
    );
    expect(await h.snapshot()).toBe(before);
    expect(h.mailer.sent).toHaveLength(0);
    expect((await row(u))?.email).toBe(u.email);
  });

  it("refuses an address another account uses, whatever its case, on the email field", async () => {
    await me();
    const other = await h.user();
    const before = await h.snapshot();
    const out = await h.call(requestEmailChangeAction, {
      email: other.email.toUpperCase(),
      currentPassword: PASSWORD,
    });
    expect(out).toMatchObject({ kind: "fail", code: "CONFLICT" });
    expect(out.kind === "fail" && out.fieldErrors?.email?.[0]).toMatch(/already exists/);
    expect(await h.snapshot()).toBe(before);
  });

  it("keeps the old address until the new one's link is opened, showing it as pending", async () => {
    const u = await me();
    await h.call(requestEmailChangeAction, {
      email: "New.Me@Example.com",
      currentPassword: PASSWORD,
    });
    expect((await row(u))?.email).toBe(u.email);
    const state = await findEmailState(db(), u.id, new Date());
    expect(state?.pendingEmail).toBe(NEW);
    const mail = h.mailer.sent.at(-1);
    expect(mail).toMatchObject({ to: NEW, subject: CHANGE_SUBJECT });

    await changeTo(u);
    const after = await row(u);
    expect(after?.email).toBe(NEW);
    expect(after?.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await findEmailState(db(), u.id, new Date()))?.pendingEmail).toBeNull();
    // The old address is told, with the undo link.
    const notice = h.mailer.sent.find((m) => m.to === u.email);
    expect(notice?.subject).toBe(CHANGED_SUBJECT);
    expect(notice?.text).toContain(NEW);
  });

  it("makes an unverified account verified once the change is confirmed", async () => {
    const u = await me();
    await db().update(users).set({ emailVerifiedAt: null }).where(eq(users.id, u.id));
    await changeTo(u);
    expect((await row(u))?.emailVerifiedAt).toBeInstanceOf(Date);
    // And the old address's verification links are void.
    const open = await db()
      .select()
      .from(emailTokens)
      .where(
        and(
          eq(emailTokens.userId, u.id),
          eq(emailTokens.purpose, "verify"),
          isNull(emailTokens.usedAt),
        ),
      );
    expect(open).toHaveLength(0);
  });

  it("refuses the link if the address was taken meanwhile", async () => {
    const u = await me();
    await h.call(requestEmailChangeAction, { email: NEW, currentPassword: PASSWORD });
    const token = linkTokenIn(h.mailer.sent, NEW, "verify-email");
    const other = await h.user();
    await db().update(users).set({ email: "NEW.me@example.com" }).where(eq(users.id, other.id));
    const out = await h.call(verifyEmailAction, { token });
    expect(out).toMatchObject({ kind: "fail", code: "CONFLICT" });
    expect((await row(u))?.email).toBe(u.email);
  });

  it("cancels a pending change: its link stops working", async () => {
    const u = await me();
    await h.call(requestEmailChangeAction, { email: NEW, currentPassword: PASSWORD });
    const token = linkTokenIn(h.mailer.sent, NEW, "verify-email");
    expect(await h.call(cancelEmailChangeAction)).toMatchObject({ kind: "ok" });
    expect(await h.call(verifyEmailAction, { token })).toMatchObject({ kind: "fail" });
    expect((await row(u))?.email).toBe(u.email);
  });

  it("undoes the change within 7 days: old address back, every session ended, once", async () => {
    const u = await me();
    const undo = await changeTo(u);
    h.signOut(); // opened from the old mailbox, on any device
    expect(await h.call(undoEmailChangeAction, { token: undo })).toMatchObject({
      kind: "ok",
      data: { email: u.email },
    });
    const after = await row(u);
    expect(after?.email).toBe(u.email);
    expect(after?.sessionVersion).toBe(u.sessionVersion + 1);
    const live = await db()
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, u.id), isNull(sessions.revokedAt)));
    expect(live).toHaveLength(0);
    // The session that made the change is signed out.
    await h.signInAs(u); // a token of the old session_version
    expect(await h.call(resendVerificationAction)).toMatchObject({
      kind: "fail",
      code: "UNAUTHENTICATED",
    });
    expect(await h.call(undoEmailChangeAction, { token: undo })).toMatchObject({ kind: "fail" });
  });

  it("refuses the undo link after 7 days and keeps the new address", async () => {
    const u = await me();
    const undo = await changeTo(u);
    const [link] = await db()
      .select()
      .from(emailTokens)
      .where(and(eq(emailTokens.userId, u.id), eq(emailTokens.purpose, "undo")));
    const week = (link?.expiresAt.getTime() ?? 0) - (link?.createdAt.getTime() ?? 0);
    expect(Math.abs(week - 7 * 24 * 60 * 60 * 1000)).toBeLessThan(5_000);
    await db()
      .update(emailTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(emailTokens.purpose, "undo"));
    const out = await h.call(undoEmailChangeAction, { token: undo });
    expect(out).toMatchObject({ kind: "fail", code: "VALIDATION" });
    expect((await row(u))?.email).toBe(NEW);
  });
});
