import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { comments, notifications, posts, uploadSlots, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { addCommentAndNotify } from "@/lib/comments/comments";
import { createPostAndNotify } from "@/lib/posts/create";
import { updatePostAndNotify } from "@/lib/posts/manage";
import { requestUploads } from "@/lib/posts/uploads";
import {
  type AbuseLimits,
  abuseRules,
  budgetOf,
  countOrRefuse,
  createAbuseLimits,
  refuseWhileLimited,
  spend,
} from "@/lib/rate-limit/abuse";
import { hitSocialLimit } from "@/lib/rate-limit/social";
import { fail } from "@/lib/result";
import { registerAccount } from "@/lib/users/accounts";
import { changePassword, isWrongCurrentPassword } from "@/lib/users/profile";
import { openTestDatabase } from "./helpers/db";
import { newAccount } from "./helpers/fixtures";
import { createUser, jpeg, tempStorage } from "./helpers/media";
import { insertPost, insertUser, insertUsers } from "./helpers/social";

// Each limit drives the same pair as its action (lib/*/actions.ts): the limit check, then the
// service. The N+1-th call is refused with RATE_LIMITED and a clear message, and writes nothing.

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let limits: AbuseLimits;
const storage = tempStorage();
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
  storage.remove();
});
beforeEach(async () => {
  await database.clean();
  storage.empty();
  // The database store, as in production (counters in the rate_limits table).
  limits = createAbuseLimits({ kind: "database", db: database.db });
});

const db = () => database.db;
const rows = async (table: typeof users | typeof posts | typeof comments | typeof notifications) =>
  (await db().select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;

describe("sign-ups per address", () => {
  /** registerAction: refused while over, counted when one succeeds. */
  async function signUp(ip: string) {
    const limited = await refuseWhileLimited(limits, "signup", ip);
    if (limited) return limited;
    const result = await registerAccount(db(), newAccount());
    if (result.ok) await countOrRefuse(limits, "signup", ip);
    return result;
  }

  it(`allows ${abuseRules.signup.points} an hour, then refuses and creates no account`, async () => {
    const n = abuseRules.signup.points;
    for (let i = 0; i < n; i++) expect((await signUp("203.0.113.7")).ok).toBe(true);
    expect(await signUp("203.0.113.7")).toEqual(
      fail("RATE_LIMITED", "Too many sign-ups from this network. Try again in 60 minutes."),
    );
    expect(await rows(users)).toBe(n);
    // Another address is not affected.
    expect((await signUp("198.51.100.2")).ok).toBe(true);
  });

  it("does not count a sign-up that failed (a taken username)", async () => {
    await registerAccount(db(), newAccount({ username: "taken" }));
    const limited = await refuseWhileLimited(limits, "signup", "203.0.113.8");
    expect(limited).toBeNull();
    const result = await registerAccount(db(), newAccount({ username: "taken" }));
    expect(result.ok).toBe(false);
    expect(await limits.signup.blockedFor("203.0.113.8")).toBe(0);
  });
});

describe("posts per hour", () => {
  it(`allows ${abuseRules.post.points}, then refuses before touching the upload`, async () => {
    const ana = await createUser(db());
    const photo = await jpeg(64, 64);
    const share = async () => {
      const slots = await requestUploads(db(), storage, ana.id, {
        purpose: "post",
        files: [{ type: "image/jpeg", size: photo.length }],
      });
      if (!slots.ok) throw new Error(slots.message);
      const slot = slots.data.slots[0];
      const [row] = await db()
        .select()
        .from(uploadSlots)
        .where(eq(uploadSlots.id, slot?.id ?? ""));
      await storage.write(row?.key ?? "", photo, "image/jpeg");
      const limited = await countOrRefuse(limits, "post", ana.id);
      if (limited) return limited;
      const input = {
        aspect: "1:1" as const,
        caption: "hi",
        media: [{ slotId: slot?.id ?? "", alt: "" }],
      };
      return (await createPostAndNotify(db(), storage, ana.id, input)).result;
    };
    const n = abuseRules.post.points;
    // The first n - 2 posts of the hour are only counted (photo processing is slow).
    for (let i = 0; i < n - 2; i++) expect(await countOrRefuse(limits, "post", ana.id)).toBeNull();
    expect(await share()).toMatchObject({ ok: true });
    expect(await share()).toMatchObject({ ok: true });
    expect(await share()).toEqual(fail("RATE_LIMITED", "Too many posts. Try again in 60 minutes."));
    expect(await rows(posts)).toBe(2);
    // The refused attempt's upload slot stays unclaimed (the sweep removes it).
    const unclaimed = await db().select().from(uploadSlots).where(sql`used_at is null`);
    expect(unclaimed).toHaveLength(1);
  });
});

describe("mention notifications from caption edits", () => {
  it(`lets edits notify ${abuseRules.captionMention.points} accounts an hour, then refuses the edit whole`, async () => {
    const author = await insertUser(db());
    const postId = await insertPost(db(), author.id);
    const people = await insertUsers(db(), abuseRules.captionMention.points + 1);
    /** updatePostAction: the budget read before, spent after the edit committed. */
    const edit = async (caption: string) => {
      const mentionBudget = await budgetOf(limits, "captionMention", author.id);
      const input = { postId, caption, alts: [] };
      const done = await updatePostAndNotify(db(), author.id, input, undefined, { mentionBudget });
      await spend(limits, "captionMention", author.id, done.notified.length);
      return done;
    };
    const first = people.slice(0, 10).map((p) => `@${p.username}`);
    const next = people.slice(10, 30).map((p) => `@${p.username}`);
    expect((await edit(first.join(" "))).notified).toHaveLength(10);
    // Re-saving the same mentions notifies nobody again and costs nothing.
    expect((await edit(`${first.join(" ")} again`)).notified).toHaveLength(0);
    expect((await edit(next.join(" "))).notified).toHaveLength(20);
    const last = `@${people[30]?.username} one more`;
    const refused = await edit(last);
    expect(refused).toEqual({
      result: fail(
        "RATE_LIMITED",
        "Too many mentions in edited captions. Try again in 60 minutes.",
      ),
      notified: [],
    });
    expect(await rows(notifications)).toBe(30);
    const [post] = await db()
      .select({ caption: posts.caption })
      .from(posts)
      .where(eq(posts.id, postId));
    expect(post?.caption).toBe(next.join(" "));
    // An edit that notifies nobody new still saves.
    expect((await edit("no mentions now")).result.ok).toBe(true);
  });
});

describe("wrong current-password guesses", () => {
  it(`allows ${abuseRules.passwordGuess.points} per 15 minutes, then refuses even the right one`, async () => {
    const ana = await createUser(db(), { password: "correct horse battery" });
    /** changePasswordAction: refused while over, counted when the current password is wrong. */
    const attempt = async (currentPassword: string) => {
      const limited = await refuseWhileLimited(limits, "passwordGuess", ana.id);
      if (limited) return limited;
      const input = { currentPassword, password: "new password 123", confirm: "new password 123" };
      const result = await changePassword(db(), ana.id, input);
      if (isWrongCurrentPassword(result)) await limits.passwordGuess.hit(ana.id);
      return result;
    };
    for (let i = 0; i < abuseRules.passwordGuess.points; i++) {
      expect(await attempt(`guess ${i}`)).toMatchObject({ code: "VALIDATION" });
    }
    expect(await attempt("correct horse battery")).toEqual(
      fail("RATE_LIMITED", "Too many wrong password attempts. Try again in 15 minutes."),
    );
    const [row] = await db().select().from(users).where(eq(users.id, ana.id));
    expect(await verifyPassword(row?.passwordHash ?? null, "correct horse battery")).toBe(true);
  });
});

describe("comments per minute", () => {
  it("allows 20 a minute per account, then refuses and adds no comment", async () => {
    const author = await insertUser(db());
    const fan = await insertUser(db());
    const postId = await insertPost(db(), author.id);
    const comment = async (i: number) => {
      const limited = await hitSocialLimit("comment", fan.id);
      if (limited) return fail("RATE_LIMITED", limited);
      return (await addCommentAndNotify(db(), storage, fan.id, { postId, body: `nice ${i}` }))
        .result;
    };
    for (let i = 0; i < 20; i++) expect((await comment(i)).ok).toBe(true);
    expect(await comment(20)).toEqual(
      fail("RATE_LIMITED", "Too many comments. Try again in 1 minute."),
    );
    expect(await rows(comments)).toBe(20);
  });
});
