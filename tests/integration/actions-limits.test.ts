import "./helpers/next-runtime";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { comments, notifications, posts, uploadSlots, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { addCommentAction } from "@/lib/comments/actions";
import { createPostAction, requestUploadsAction, updatePostAction } from "@/lib/posts/actions";
import { abuseRules, countOrRefuse } from "@/lib/rate-limit/abuse";
import { getAbuseLimits } from "@/lib/rate-limit/server-abuse";
import { registerAction } from "@/lib/users/actions";
import { changePasswordAction } from "@/lib/users/actions-profile";
import { type Outcome, setupActionHarness } from "./helpers/actions";
import { newAccount } from "./helpers/fixtures";
import { jpeg } from "./helpers/media";
import { insertPost, insertUsers } from "./helpers/social";

// Each abuse limit through the REAL exported action (zod, session, limiter, service, database), as
// the browser calls it: the N+1-th call is refused with RATE_LIMITED and its message, and writes
// nothing. If an action stopped calling its limiter, these tests would fail.

const h = setupActionHarness();
const db = () => h.db();
const rows = async (table: typeof users | typeof posts | typeof comments | typeof notifications) =>
  (await db().select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
const refused = (message: string): Outcome => ({ kind: "fail", code: "RATE_LIMITED", message });

describe("sign-ups per address (registerAction)", () => {
  const signUp = async (overrides: Record<string, string> = {}) => {
    h.signOut();
    return h.call(registerAction, newAccount(overrides));
  };
  const n = abuseRules.signup.points;

  it(`allows ${n} an hour from one address, then refuses and creates no account`, async () => {
    expect(h.clientAddress()).toMatch(/^10\./);
    for (let i = 0; i < n; i++) expect(await signUp()).toEqual({ kind: "redirect", to: "/" });
    expect(await rows(users)).toBe(n);
    h.signOut();
    const before = await h.snapshot();
    expect(await signUp()).toEqual(
      refused("Too many sign-ups from this network. Try again in 60 minutes."),
    );
    expect(await h.snapshot()).toBe(before);
    expect(h.sessionCookie()).toBeUndefined();
    // Another network is not affected.
    h.setClientAddress("198.51.100.2");
    expect(await signUp()).toEqual({ kind: "redirect", to: "/" });
    expect(await rows(users)).toBe(n + 1);
  });

  it("does not count a sign-up that failed (a taken username)", async () => {
    h.setClientAddress("198.51.100.3");
    expect(await signUp({ username: "taken" })).toEqual({ kind: "redirect", to: "/" });
    h.setClientAddress("203.0.113.9");
    // The first n - 1 sign-ups of the hour from this address are only counted.
    for (let i = 0; i < n - 1; i++) {
      expect(await countOrRefuse(getAbuseLimits(), "signup", "203.0.113.9")).toBeNull();
    }
    expect(await signUp({ username: "taken" })).toMatchObject({ kind: "fail", code: "CONFLICT" });
    expect(await signUp({ username: "Taken" })).toMatchObject({ kind: "fail", code: "CONFLICT" });
    expect(await signUp({ password: "short" })).toMatchObject({ kind: "fail", code: "VALIDATION" });
    // Three failures later, the last sign-up of the hour is still there.
    expect(await signUp({ username: "fresh.one" })).toEqual({ kind: "redirect", to: "/" });
    expect(await signUp()).toEqual(
      refused("Too many sign-ups from this network. Try again in 60 minutes."),
    );
    expect(await rows(users)).toBe(2);
  });
});

describe("posts per hour (createPostAction)", () => {
  /** A photo uploaded the way the browser does: a slot from requestUploadsAction, then the PUT. */
  async function uploaded(): Promise<string> {
    const photo = await jpeg(64, 64);
    const out = await h.call(requestUploadsAction, {
      purpose: "post",
      files: [{ type: "image/jpeg", size: photo.length }],
    });
    if (out.kind !== "ok") throw new Error(`no slot: ${JSON.stringify(out)}`);
    const slotId = (out.data as { slots: { id: string }[] }).slots[0]?.id ?? "";
    const [slot] = await db().select().from(uploadSlots).where(eq(uploadSlots.id, slotId));
    await h.storage.write(slot?.key ?? "", photo, "image/jpeg");
    return slotId;
  }
  const share = (slotId: string) =>
    h.call(createPostAction, { aspect: "1:1", caption: "hi", media: [{ slotId, alt: "" }] });
  const n = abuseRules.post.points;

  it(`allows ${n} an hour, then refuses before touching the upload`, async () => {
    const ana = await h.user();
    await h.signInAs(ana);
    // The first n - 2 posts of the hour are only counted (photo processing is slow).
    for (let i = 0; i < n - 2; i++) {
      expect(await countOrRefuse(getAbuseLimits(), "post", ana.id)).toBeNull();
    }
    expect(await share(await uploaded())).toMatchObject({ kind: "ok" });
    expect(await share(await uploaded())).toMatchObject({ kind: "ok" });
    const slotId = await uploaded();
    const before = await h.snapshot();
    expect(await share(slotId)).toEqual(refused("Too many posts. Try again in 60 minutes."));
    // Nothing written: no post, the slot stays unclaimed (the sweep removes it).
    expect(await h.snapshot()).toBe(before);
    expect(await rows(posts)).toBe(2);
  });

  it("counts every attempt, a failed one too (each makes the server read the photos)", async () => {
    const ana = await h.user();
    await h.signInAs(ana);
    for (let i = 0; i < n - 1; i++) await countOrRefuse(getAbuseLimits(), "post", ana.id);
    // A slot that was never uploaded to: the attempt fails, and it was the last of the hour.
    const out = await h.call(requestUploadsAction, {
      purpose: "post",
      files: [{ type: "image/jpeg", size: 1000 }],
    });
    const empty = out.kind === "ok" ? (out.data as { slots: { id: string }[] }).slots[0]?.id : "";
    expect(await share(empty ?? "")).toMatchObject({ kind: "fail", code: "VALIDATION" });
    expect(await share(await uploaded())).toEqual(
      refused("Too many posts. Try again in 60 minutes."),
    );
    expect(await rows(posts)).toBe(0);
  });
});

describe("mention notifications from caption edits (updatePostAction)", () => {
  const max = abuseRules.captionMention.points;

  it(`lets edits notify ${max} accounts an hour, then refuses the edit whole`, async () => {
    const author = await h.user();
    const postId = await insertPost(db(), author.id);
    const people = await insertUsers(db(), max + 1);
    await h.signInAs(author);
    const edit = (caption: string) => h.call(updatePostAction, { postId, caption });
    const first = people.slice(0, 10).map((p) => `@${p.username}`);
    const next = people.slice(10, max).map((p) => `@${p.username}`);
    expect(await edit(first.join(" "))).toMatchObject({ kind: "ok" });
    expect(await rows(notifications)).toBe(10);
    // Re-saving the same mentions notifies nobody again and costs nothing.
    expect(await edit(`${first.join(" ")} again`)).toMatchObject({ kind: "ok" });
    expect(await rows(notifications)).toBe(10);
    expect(await edit(next.join(" "))).toMatchObject({ kind: "ok" });
    expect(await rows(notifications)).toBe(max);

    const before = await h.snapshot();
    expect(await edit(`@${people[max]?.username} one more`)).toEqual(
      refused("Too many mentions in edited captions. Try again in 60 minutes."),
    );
    // Refused whole: the caption is not saved and nobody is notified.
    expect(await h.snapshot()).toBe(before);
    const [post] = await db()
      .select({ caption: posts.caption })
      .from(posts)
      .where(eq(posts.id, postId));
    expect(post?.caption).toBe(next.join(" "));
    // An edit that notifies nobody new still saves.
    expect(await edit("no mentions now")).toMatchObject({ kind: "ok" });
  });
});

describe("wrong current-password guesses (changePasswordAction)", () => {
  const max = abuseRules.passwordGuess.points;
  const message = "Too many wrong password attempts. Try again in 15 minutes.";

  it(`allows ${max} per 15 minutes, then refuses even the right one`, async () => {
    const ana = await h.user({ password: "correct horse battery" });
    await h.signInAs(ana);
    const attempt = (currentPassword: string, confirm = "new password 123") =>
      h.call(changePasswordAction, { currentPassword, password: "new password 123", confirm });
    for (let i = 0; i < max - 1; i++) {
      expect(await attempt(`guess ${i}`)).toMatchObject({ kind: "fail", code: "VALIDATION" });
    }
    // Only a wrong current password counts: a form error elsewhere does not.
    expect(await attempt("guess x", "mismatch")).toMatchObject({
      kind: "fail",
      fieldErrors: { confirm: ["Passwords don't match."] },
    });
    expect(await attempt("last guess")).toMatchObject({
      kind: "fail",
      fieldErrors: { currentPassword: expect.any(Array) },
    });

    const before = await h.snapshot();
    expect(await attempt("correct horse battery")).toEqual(refused(message));
    expect(await h.snapshot()).toBe(before);
    const [row] = await db().select().from(users).where(eq(users.id, ana.id));
    expect(await verifyPassword(row?.passwordHash ?? null, "correct horse battery")).toBe(true);
    expect(row?.sessionVersion).toBe(ana.sessionVersion);
  });

  it("counts parallel guesses before checking them", async () => {
    const ana = await h.user({ password: "correct horse battery" });
    await h.signInAs(ana);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        h.call(changePasswordAction, {
          currentPassword: `guess ${i}`,
          password: "new password 123",
          confirm: "new password 123",
        }),
      ),
    );
    const checked = burst.filter((o) => o.kind === "fail" && o.code === "VALIDATION");
    expect(checked).toHaveLength(max);
    expect(burst.filter((o) => o.kind === "fail" && o.code === "RATE_LIMITED")).toHaveLength(
      12 - max,
    );
  });

  it("does not count the right password", async () => {
    const ana = await h.user({ password: "correct horse battery" });
    await h.signInAs(ana);
    for (let i = 0; i < max - 1; i++) await getAbuseLimits().passwordGuess.hit(ana.id);
    const change = (currentPassword: string, password: string) =>
      h.call(changePasswordAction, { currentPassword, password, confirm: password });
    expect(await change("correct horse battery", "second password 1")).toMatchObject({
      kind: "ok",
    });
    // The new session cookie the action set is used from here on; one wrong guess is still left.
    expect(await change("wrong", "third password 1")).toMatchObject({ code: "VALIDATION" });
    expect(await change("second password 1", "third password 1")).toEqual(refused(message));
  });
});

describe("comments per minute (addCommentAction)", () => {
  it("allows 20 a minute per account, then refuses and adds no comment", async () => {
    const author = await h.user();
    const fan = await h.user();
    const postId = await insertPost(db(), author.id);
    await h.signInAs(fan);
    const comment = (i: number) => h.call(addCommentAction, { postId, body: `nice ${i}` });
    for (let i = 0; i < 20; i++) expect(await comment(i)).toMatchObject({ kind: "ok" });
    const before = await h.snapshot();
    expect(await comment(20)).toEqual(refused("Too many comments. Try again in 1 minute."));
    expect(await h.snapshot()).toBe(before);
    expect(await rows(comments)).toBe(20);
    // Another account is not affected.
    await h.signInAs(author);
    expect(await comment(21)).toMatchObject({ kind: "ok" });
  });
});
