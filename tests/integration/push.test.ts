import "./helpers/next-runtime";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pushGroups, pushSubscriptions } from "@/db/schema";
import { setFollowAction } from "@/lib/follows/actions";
import { setLikeAction } from "@/lib/likes/actions";
import { savePushSubscriptionAction, setPushKindAction } from "@/lib/push/actions";
import { drainPushes, forgetQuietGroups, PUSH_GROUP_WINDOW_MS } from "@/lib/push/deliver";
import { signOutAction, signOutEverywhereAction } from "@/lib/users/actions";
import { revokeSessionAction } from "@/lib/users/actions-sessions";
import { runActionCases } from "./helpers/action-cases";
import { setupActionHarness, type TestUser } from "./helpers/actions";
import { pushCases } from "./helpers/cases/push";
import { startPushService } from "./helpers/push-service";
import { insertPost, urls } from "./helpers/social";

// Web push from the write to the "browser": a local push service (web-push-testing) receives,
// checks the VAPID signature of and decrypts what the app sends after a like or follow commits.
const h = setupActionHarness();
let service: Awaited<ReturnType<typeof startPushService>>;
const store = globalThis as { __pushSender?: unknown };

beforeAll(async () => {
  service = await startPushService();
});
afterAll(async () => {
  delete store.__pushSender;
  await service.stop();
});
beforeEach(() => {
  store.__pushSender = service.sender;
});

/** Signs `user` in and subscribes this "browser" to pushes, as Settings → Notifications does. */
async function subscribedDevice(user: TestUser) {
  await h.signInAs(user);
  const browser = await service.subscribe();
  const out = await h.call(savePushSubscriptionAction, {
    endpoint: browser.endpoint,
    keys: browser.keys,
  });
  expect(out.kind, JSON.stringify(out)).toBe("ok");
  return browser;
}

/** `liker` likes the post, and the work after the response (publishing, pushing) runs. */
async function like(liker: TestUser, postId: string) {
  await h.signInAs(liker);
  expect((await h.call(setLikeAction, { postId, liked: true })).kind).toBe("ok");
  await h.runAfterTasks();
}

describe("push actions", () => {
  runActionCases(h, pushCases);
});

describe("web push delivery", () => {
  it("sends the like's push: who, what, the post to open, the liker's avatar", async () => {
    const [ana, ben] = [await h.user(), await h.user()];
    const browser = await subscribedDevice(ana);
    const postId = await insertPost(h.db(), ana.id);
    await like(ben, postId);
    const received = await service.received(browser.clientHash);
    expect(received).toEqual([
      {
        title: "Snapgram",
        body: `${ben.username} liked your post.`,
        icon: "/icons/icon-192.png",
        url: `/p/${postId}`,
        tag: `like:${postId}`,
        count: 1,
      },
    ]);
  });

  it("a follow's push opens the follower's profile", async () => {
    const [ana, ben] = [await h.user(), await h.user()];
    const browser = await subscribedDevice(ana);
    await h.signInAs(ben);
    expect((await h.call(setFollowAction, { userId: ana.id, follow: true })).kind).toBe("ok");
    await h.runAfterTasks();
    const [push] = (await service.received(browser.clientHash)) as { body: string; url: string }[];
    expect(push).toMatchObject({
      body: `${ben.username} started following you.`,
      url: `/${ben.username}`,
    });
  });

  it("groups likes within a minute: one push now, one 'and N others' when the window ends", async () => {
    const ana = await h.user();
    const likers = [await h.user(), await h.user(), await h.user(), await h.user()];
    const browser = await subscribedDevice(ana);
    const postId = await insertPost(h.db(), ana.id);
    for (const liker of likers) await like(liker, postId);
    expect(await service.received(browser.clientHash)).toHaveLength(1);

    const later = new Date(Date.now() + PUSH_GROUP_WINDOW_MS + 1000);
    expect(await drainPushes(h.db(), service.sender, urls, later)).toEqual({ sent: 1, removed: 0 });
    const pushes = (await service.received(browser.clientHash)) as { body: string; tag: string }[];
    expect(pushes).toHaveLength(2);
    expect(pushes[1]).toMatchObject({
      body: `${likers[3]?.username} and 2 others liked your post.`,
      tag: `like:${postId}`,
    });
    // Nothing is left waiting, and a quiet group's next like goes out at once again.
    expect(await drainPushes(h.db(), service.sender, urls, later)).toEqual({ sent: 0, removed: 0 });
    const [group] = await h.db().select().from(pushGroups);
    expect(group?.dueAt).toBeNull();
    // A day later the quiet group is forgotten (maintenance).
    expect(await forgetQuietGroups(h.db(), new Date(later.getTime() + 86_400_000))).toBe(1);
  });

  it("keeps no push state for someone without a device", async () => {
    const [ana, ben] = [await h.user(), await h.user()];
    await like(ben, await insertPost(h.db(), ana.id));
    expect(await h.db().select().from(pushGroups)).toEqual([]);
  });

  it("forgets a subscription the push service answers 410 for", async () => {
    const [ana, ben] = [await h.user(), await h.user()];
    const browser = await subscribedDevice(ana);
    await service.expire(browser.clientHash);
    await like(ben, await insertPost(h.db(), ana.id));
    const rows = await h
      .db()
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, ana.id));
    expect(rows).toEqual([]);
  });

  it("sends nothing for a kind turned off, and still sends the others", async () => {
    const [ana, ben] = [await h.user(), await h.user()];
    const browser = await subscribedDevice(ana);
    expect((await h.call(setPushKindAction, { kind: "likes", enabled: false })).kind).toBe("ok");
    await like(ben, await insertPost(h.db(), ana.id));
    expect(await service.received(browser.clientHash)).toEqual([]);
    await h.signInAs(ben);
    await h.call(setFollowAction, { userId: ana.id, follow: true });
    await h.runAfterTasks();
    expect(await service.received(browser.clientHash)).toHaveLength(1);
  });

  it("sends nothing to a device after it signed out", async () => {
    const [ana, ben] = [await h.user(), await h.user()];
    const browser = await subscribedDevice(ana);
    expect((await h.call(signOutAction)).kind).toBe("redirect");
    await like(ben, await insertPost(h.db(), ana.id));
    expect(await service.received(browser.clientHash)).toEqual([]);
    expect(await h.db().select().from(pushSubscriptions)).toEqual([]);
  });

  it("signing out everywhere, or logging a device out from Settings, stops its pushes", async () => {
    const [ana, ben] = [await h.user(), await h.user()];
    const phone = await subscribedDevice(ana);
    const [phoneRow] = await h.db().select().from(pushSubscriptions);
    const laptop = await subscribedDevice(ana);
    // From the laptop: log the phone out; then sign out everywhere.
    expect((await h.call(revokeSessionAction, { sessionId: phoneRow?.sessionId })).kind).toBe("ok");
    expect(await h.db().select().from(pushSubscriptions)).toHaveLength(1);
    expect((await h.call(signOutEverywhereAction)).kind).toBe("redirect");
    await like(ben, await insertPost(h.db(), ana.id));
    expect(await service.received(phone.clientHash)).toEqual([]);
    expect(await service.received(laptop.clientHash)).toEqual([]);
    expect(await h.db().select().from(pushSubscriptions)).toEqual([]);
  });
});
