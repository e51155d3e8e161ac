import "./helpers/next-runtime";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as realtimeAuth } from "@/app/api/realtime/auth/route";
import { moderationActions, reports, users } from "@/db/schema";
import { deleteAccountAction } from "@/lib/account-deletion/actions";
import { eraseDueAccounts } from "@/lib/account-deletion/erase";
import { noCdn } from "@/lib/cdn/types";
import { listComments } from "@/lib/comments/queries";
import { addComment } from "@/lib/comments/service";
import { requestDataExport, runDataExports } from "@/lib/data-export/service";
import { listFeedPage } from "@/lib/feed/queries";
import { listFollowers } from "@/lib/follows/queries";
import { setFollow } from "@/lib/follows/service";
import { listLikers } from "@/lib/likes/queries";
import { setLike } from "@/lib/likes/service";
import { runMediaJobs } from "@/lib/media/jobs";
import { listModerationLog } from "@/lib/moderation/queries";
import { decide, fileReport } from "@/lib/moderation/service";
import { listNotifications } from "@/lib/notifications/queries";
import { getPostView } from "@/lib/posts/queries";
import { postChannel, userChannel } from "@/lib/realtime/channels";
import { searchTypeahead } from "@/lib/search/queries";
import { signInAction } from "@/lib/users/actions";
import { signInCodeAction } from "@/lib/users/actions-two-factor";
import { getProfileView } from "@/lib/users/queries-profile";
import { runActionCases } from "./helpers/action-cases";
import { setupActionHarness, type TestUser } from "./helpers/actions";
import { accountDeletionCases } from "./helpers/cases/account-deletion";
import {
  busyAccount,
  counterMismatches,
  markDeleted,
  recount,
  storeAll,
  storedKeys,
} from "./helpers/deletion";
import { memoryMailer } from "./helpers/fixtures";
import { insertPost } from "./helpers/social";
import { codeNow, enableTwoFactorFor, NEXT } from "./helpers/two-factor";

// Deleting one's account: hidden everywhere at once, restored by a sign-in within 30 days,
// erased for good after that by maintenance (in batches, counters exact, storage emptied of it),
// moderation decisions kept with the account anonymised.

const h = setupActionHarness();
const db = () => h.db();
const PASSWORD = "correct horse battery";
const DAY = 86_400_000;

describe("delete account action", () => {
  runActionCases(h, accountDeletionCases);
});

/** Dana (who deletes her account, with a stored photo post) and Finn, her friend, following each other. */
async function friends() {
  const dana = await h.user({ password: PASSWORD });
  const finn = await h.user();
  const danaPost = await insertPost(db(), dana.id);
  const finnPost = await insertPost(db(), finn.id);
  const photo = `posts/${danaPost}/0-1080.webp`;
  await storeAll(h.storage, [photo]);
  await setFollow(db(), dana.id, { userId: finn.id, follow: true });
  await setFollow(db(), finn.id, { userId: dana.id, follow: true });
  await setLike(db(), dana.id, { postId: finnPost, liked: true });
  await addComment(db(), h.storage, dana.id, { postId: finnPost, body: "Nice one" });
  await recount(db()); // the posts above were written straight to the table
  return { dana, finn, danaPost, finnPost, photo };
}

/** What Finn sees of Dana, on every page that could show her. */
async function seenByFinn(w: Awaited<ReturnType<typeof friends>>) {
  const { dana, finn, danaPost, finnPost } = w;
  const ids = (page: { items: { id: string }[] } | null) => page?.items.map((i) => i.id) ?? [];
  const search = await searchTypeahead(db(), { q: dana.username, viewerId: finn.id });
  const comments = await listComments(db(), { postId: finnPost, viewerId: finn.id });
  const notes = await listNotifications(db(), { userId: finn.id });
  return {
    profile: (await getProfileView(db(), dana.username, finn.id)) !== null,
    post: (await getPostView(db(), danaPost, finn.id)) !== null,
    search: search.users.some((p) => p.id === dana.id),
    followers: ids(await listFollowers(db(), { userId: finn.id, viewerId: finn.id })).includes(
      dana.id,
    ),
    feed: ids(await listFeedPage(db(), { viewerId: finn.id })).includes(danaPost),
    likers: ids(await listLikers(db(), { postId: finnPost, viewerId: finn.id })).includes(dana.id),
    comments: (comments?.items ?? []).some((c) => c.author.id === dana.id),
    notifications: (notes?.items.length ?? 0) > 0,
  };
}

/** POST /api/realtime/auth for a channel, as the signed-in user of the harness: the status. */
async function channelAuth(channel: string) {
  const body = new URLSearchParams({ socket_id: "123.456", channel_name: channel });
  const res = await realtimeAuth(
    new Request("http://localhost:3000/api/realtime/auth", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    }),
  );
  return res.status;
}

async function status(user: TestUser) {
  const [row] = await db().select().from(users).where(eq(users.id, user.id));
  return row ?? null;
}

describe("deleting an account", () => {
  it("hides it everywhere at once, ends its sessions and takes its photos off the public folder", async () => {
    const w = await friends();
    const everywhere = await seenByFinn(w);
    expect(Object.values(everywhere).every(Boolean), JSON.stringify(everywhere)).toBe(true);

    await h.signInAs(w.finn);
    expect(await channelAuth(postChannel(w.danaPost))).toBe(200);
    await h.signInAs(w.dana);
    expect(await channelAuth(userChannel(w.dana.id))).toBe(200);
    const out = await h.call(deleteAccountAction, { password: PASSWORD });
    expect(out).toEqual({ kind: "redirect", to: "/login?deleted=1" });

    const nowhere = await seenByFinn(w);
    expect(Object.values(nowhere).some(Boolean), JSON.stringify(nowhere)).toBe(false);
    expect((await status(w.dana))?.status).toBe("deleted");
    const live = await db().execute(sql`select count(*)::int as n from sessions
      where user_id = ${w.dana.id}::uuid and revoked_at is null`);
    expect(JSON.stringify(live)).toContain('"n":0');
    // Any cookie of hers is refused now, live channels included.
    await h.signInAs(w.dana);
    expect(await channelAuth(userChannel(w.dana.id))).toBe(401);
    expect(await h.call(deleteAccountAction, { password: PASSWORD })).toMatchObject({
      kind: "fail",
      code: "UNAUTHENTICATED",
    });
    expect(storedKeys(h.storage.dir)).toEqual([`held/${w.photo}`]);
    await h.signInAs(w.finn);
    expect(await channelAuth(postChannel(w.danaPost))).toBe(404);
  });

  it("refuses a wrong password with a field error and changes nothing", async () => {
    const w = await friends();
    await h.signInAs(w.dana);
    const before = await h.snapshot();
    const out = await h.call(deleteAccountAction, { password: "not my password" });
    expect(out).toMatchObject({ kind: "fail", code: "VALIDATION" });
    expect(out.kind === "fail" && out.fieldErrors?.password?.[0]).toBe(
      "That password isn't right.",
    );
    expect(await h.snapshot()).toBe(before);
    expect(Object.values(await seenByFinn(w)).every(Boolean)).toBe(true);
  });

  it("with two-factor on, asks for a code from the app too, and refuses a wrong or reused one", async () => {
    const w = await friends();
    const { secret } = await enableTwoFactorFor(db(), w.dana);
    await h.signInAs(w.dana);
    const before = await h.snapshot();
    const refused = async (input: Record<string, string>) => {
      const out = await h.call(deleteAccountAction, { password: PASSWORD, ...input });
      expect(out).toMatchObject({ kind: "fail", code: "VALIDATION" });
      expect(out.kind === "fail" && out.fieldErrors?.code?.[0]).toMatch(/authenticator app/);
      expect((await status(w.dana))?.status).toBe("active");
    };
    await refused({});
    await refused({ code: "000000" });
    expect(await h.snapshot()).toBe(before);
    const code = codeNow(secret, NEXT);
    const out = await h.call(deleteAccountAction, { password: PASSWORD, code });
    expect(out).toEqual({ kind: "redirect", to: "/login?deleted=1" });
    expect((await status(w.dana))?.status).toBe("deleted");
  });

  it("with two-factor on, is restored only by the code step, not by the password alone", async () => {
    const w = await friends();
    const { secret } = await enableTwoFactorFor(db(), w.dana);
    await h.signInAs(w.dana);
    // Each code works once and only later ones after it: this step's code deletes, the next signs in.
    await h.call(deleteAccountAction, { password: PASSWORD, code: codeNow(secret) });
    expect((await status(w.dana))?.status).toBe("deleted");
    h.signOut();
    const first = await h.call(signInAction, { identifier: w.dana.username, password: PASSWORD });
    expect(first).toMatchObject({ kind: "ok", data: { twoFactor: true } });
    // Someone with only the password does not bring the account back.
    expect((await status(w.dana))?.status).toBe("deleted");
    const ticket = (first as { data: { ticket: string } }).data.ticket;
    expect(await h.call(signInCodeAction, { ticket, code: "000000" })).toMatchObject({
      kind: "fail",
    });
    expect((await status(w.dana))?.status).toBe("deleted");
    const out = await h.call(signInCodeAction, { ticket, code: codeNow(secret, NEXT) });
    expect(out).toMatchObject({ kind: "redirect" });
    expect((await status(w.dana))?.status).toBe("active");
  });

  it("is restored by signing in within 30 days", async () => {
    const w = await friends();
    await h.signInAs(w.dana);
    await h.call(deleteAccountAction, { password: PASSWORD });
    await db()
      .update(users)
      .set({ deletedAt: new Date(Date.now() - 29 * DAY) })
      .where(eq(users.id, w.dana.id));
    h.signOut();
    const out = await h.call(signInAction, { identifier: w.dana.username, password: PASSWORD });
    expect(out).toEqual({ kind: "redirect", to: "/?restored=1" });
    expect(await status(w.dana)).toMatchObject({ status: "active", deletedAt: null });
    expect(Object.values(await seenByFinn(w)).every(Boolean)).toBe(true);
    expect(storedKeys(h.storage.dir)).toEqual([w.photo]);
  });

  it("takes the account's data exports out of storage when it is erased", async () => {
    const leaving = await h.user();
    const requested = await requestDataExport(db(), leaving.id);
    if (!requested.ok) throw new Error(requested.message);
    const built = await runDataExports(db(), h.storage, memoryMailer(), {
      appUrl: "http://localhost:3000",
    });
    expect(built).toMatchObject({ done: 1, failed: 0 });
    expect(storedKeys(h.storage.dir)).toContain(`exports/${leaving.id}/${requested.data.id}.zip`);
    await markDeleted(db(), leaving.id, 31);
    expect(await eraseDueAccounts(db(), h.storage, noCdn)).toMatchObject({ erased: 1 });
    while ((await runMediaJobs(db(), h.storage, noCdn)).done > 0);
    expect(storedKeys(h.storage.dir).filter((k) => k.includes(leaving.id))).toEqual([]);
  });

  it("cannot sign in after 30 days, and is erased by maintenance", async () => {
    const w = await friends();
    await markDeleted(db(), w.dana.id, 31);
    h.signOut();
    const late = await h.call(signInAction, { identifier: w.dana.username, password: PASSWORD });
    expect(late).toMatchObject({ kind: "fail", code: "UNAUTHENTICATED" });
    expect((await status(w.dana))?.status).toBe("deleted");
    expect(await eraseDueAccounts(db(), h.storage, noCdn)).toMatchObject({ erased: 1 });
    expect(await status(w.dana)).toBeNull();
    const after = await h.call(signInAction, { identifier: w.dana.username, password: PASSWORD });
    expect(after).toMatchObject({ kind: "fail", code: "UNAUTHENTICATED" });
    expect(await counterMismatches(db())).toEqual([]);
  });

  it("is not erased before its 30 days are over", async () => {
    const w = await friends();
    await markDeleted(db(), w.dana.id, 29);
    expect(await eraseDueAccounts(db(), h.storage, noCdn)).toEqual({ erased: 0, batches: 0 });
    expect((await status(w.dana))?.status).toBe("deleted");
  });
});

describe("erasing a big account", () => {
  it("in bounded batches, resumable, leaves every counter exact and no object of it in storage", async () => {
    const { busy, keys, postIds } = await busyAccount(db(), h.storage);
    const count = async (q: ReturnType<typeof sql>) =>
      Number(JSON.stringify(await db().execute(q)).match(/"n":(\d+)/)?.[1]);
    expect(
      await count(sql`select count(*)::int as n from likes where user_id = ${busy.id}::uuid`),
    ).toBe(1000);
    expect(
      await count(sql`select count(*)::int as n from comments
        where author_id = ${busy.id}::uuid and parent_id is null`),
    ).toBe(200);
    expect(
      await count(sql`select count(*)::int as n from comments c join comments t on t.id = c.parent_id
        where t.author_id = ${busy.id}::uuid or c.author_id = ${busy.id}::uuid`),
    ).toBe(40);
    expect(
      await count(sql`select count(*)::int as n from follows
        where follower_id = ${busy.id}::uuid or followee_id = ${busy.id}::uuid`),
    ).toBe(300);
    expect(await counterMismatches(db())).toEqual([]);
    for (const key of keys) expect(storedKeys(h.storage.dir)).toContain(key);
    await markDeleted(db(), busy.id, 31);

    // Cut short after a few batches (a pass out of budget, a crash): every counter still exact.
    const first = await eraseDueAccounts(db(), h.storage, noCdn, new Date(), {
      batchSize: 100,
      maxBatches: 7,
    });
    expect(first).toEqual({ erased: 0, batches: 7 });
    expect(await counterMismatches(db())).toEqual([]);
    expect(
      await count(sql`select count(*)::int as n from likes where user_id = ${busy.id}::uuid`),
    ).toBe(300);

    const rest = await eraseDueAccounts(db(), h.storage, noCdn, new Date(), { batchSize: 100 });
    expect(rest.erased).toBe(1);
    while ((await runMediaJobs(db(), h.storage, noCdn)).done > 0);
    expect(await status(busy as unknown as TestUser)).toBeNull();
    expect(await counterMismatches(db())).toEqual([]);
    // Others' activity is untouched: the 5 × 100 likes and 30 comments on others' posts stay.
    expect(await count(sql`select count(*)::int as n from likes`)).toBe(500);
    expect(await count(sql`select count(*)::int as n from comments`)).toBe(30);
    expect(await count(sql`select count(*)::int as n from posts`)).toBe(postIds.length);
    expect(await count(sql`select count(*)::int as n from media_jobs`)).toBe(0);
    const left = storedKeys(h.storage.dir);
    expect(left.filter((k) => k.includes(busy.id))).toEqual([]);
    for (const key of keys) expect(left.some((k) => k.endsWith(key))).toBe(false);
    expect(left).toEqual([`posts/${postIds[0]}/x-1080.webp`]);
    // Run again: nothing left to do.
    expect(await eraseDueAccounts(db(), h.storage, noCdn)).toEqual({ erased: 0, batches: 0 });
  }, 60_000);
});

describe("moderation records of an erased account", () => {
  it("keep the decisions and reports with the account anonymised", async () => {
    const w = await friends();
    const mod = await h.user({ role: "moderator" });
    const moderator = { id: mod.id, role: "moderator" as const };
    // Dana reports Finn's post; Finn reports Dana; a moderator suspends her, then restores her.
    await fileReport(db(), w.dana.id, {
      targetType: "post",
      targetId: w.finnPost,
      reason: "spam",
      details: "",
    });
    await fileReport(db(), w.finn.id, {
      targetType: "user",
      targetId: w.dana.id,
      reason: "spam",
      details: "",
    });
    const target = { targetType: "user" as const, targetId: w.dana.id, note: "" };
    expect((await decide(db(), moderator, { ...target, decision: "suspend" })).ok).toBe(true);
    expect((await decide(db(), moderator, { ...target, decision: "restore" })).ok).toBe(true);
    await markDeleted(db(), w.dana.id, 31);
    // A moderator cannot suspend or restore a deleted account (only its owner's sign-in can).
    expect(await decide(db(), moderator, { ...target, decision: "restore" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    await eraseDueAccounts(db(), h.storage, noCdn);

    const kept = await db().select().from(moderationActions);
    expect(kept.map((a) => a.action).sort()).toEqual(["restore_user", "suspend_user"]);
    expect(kept.every((a) => a.subjectUserId === null && a.actorId === mod.id)).toBe(true);
    const log = await listModerationLog(db());
    expect(log?.items.every((e) => e.subject === null && e.subjectErased)).toBe(true);
    const filed = await db().select().from(reports);
    expect(filed).toHaveLength(2);
    expect(filed.find((r) => r.targetId === w.finnPost)?.reporterId).toBeNull();
    expect(filed.find((r) => r.targetId === w.dana.id)?.status).toBe("actioned");
  });
});
