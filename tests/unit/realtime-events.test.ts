import { describe, expect, it, vi } from "vitest";
import { ChannelHub, type HubChannel } from "@/components/realtime/channel-hub";
import { parseChannel, postChannel, userChannel } from "@/lib/realtime/channels";
import {
  publishCommentAdded,
  publishLikeCount,
  publishNotification,
  publishNotificationRemoved,
} from "@/lib/realtime/events";
import { createPublisher, type PusherTrigger, throttledLogger } from "@/lib/realtime/publisher";
import {
  clientConfigFor,
  deriveEmbeddedSecret,
  type RealtimeEnv,
  resolveRealtimeSettings,
} from "@/lib/realtime/settings";
import {
  commentAddedSchema,
  likeCountSchema,
  notificationCreatedSchema,
  parsePostEvent,
  parseUserEvent,
} from "@/lib/realtime/types";

const POST = "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b5a";
const USER = "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b5b";
const SECRET = "unit-test-auth-secret-0123456789-abcdefgh";

const comment = {
  id: "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b5c",
  postId: POST,
  body: "<b>nice</b> photo",
  createdAt: "2025-01-02T03:04:05.000Z",
  author: { id: USER, username: "ana", name: "Ana", avatarUrl: "/media/avatars/a-64.webp" },
};

describe("event schemas", () => {
  it("accept well-formed payloads", () => {
    expect(parsePostEvent("like.count", { postId: POST, likeCount: 3 })).toEqual({
      postId: POST,
      likeCount: 3,
    });
    const added = { postId: POST, commentId: comment.id, commentCount: 1 };
    expect(parsePostEvent("comment.added", added)).toEqual(added);
    expect(
      parsePostEvent("comment.deleted", { postId: POST, commentId: comment.id, commentCount: 0 }),
    ).not.toBeNull();
    expect(parsePostEvent("post.removed", { postId: POST })).toEqual({ postId: POST });
    expect(parseUserEvent("notification.created", { id: comment.id, unreadCount: 2 })).toEqual({
      id: comment.id,
      unreadCount: 2,
    });
    expect(parseUserEvent("notifications.read", { unreadCount: 0 })).toEqual({ unreadCount: 0 });
  });

  it.each([
    ["a negative count", { postId: POST, likeCount: -1 }],
    ["a fractional count", { postId: POST, likeCount: 1.5 }],
    ["a count as text", { postId: POST, likeCount: "3" }],
    ["an id with a slash", { postId: "../admin", likeCount: 1 }],
    ["no id", { likeCount: 1 }],
    ["null", null],
    ["a string", "like.count"],
  ])("reject %s", (_, payload) => {
    expect(likeCountSchema.safeParse(payload).success).toBe(false);
    expect(parsePostEvent("like.count", payload)).toBeNull();
  });

  it("carry a new comment's id, never its text or author", () => {
    const added = { postId: POST, commentId: comment.id, commentCount: 1 };
    // A browser is never handed words it might not be allowed to read: it fetches the comment.
    expect(parsePostEvent("comment.added", { ...added, comment })).toEqual(added);
    expect(commentAddedSchema.safeParse({ ...added, commentId: "../x" }).success).toBe(false);
    expect(commentAddedSchema.safeParse({ postId: POST, commentCount: 1, comment }).success).toBe(
      false,
    );
  });

  it("strips fields outside the contract", () => {
    const parsed = notificationCreatedSchema.parse({ id: "n1", unreadCount: 1, email: "x@y.z" });
    expect(parsed).toEqual({ id: "n1", unreadCount: 1 });
  });
});

describe("channel names", () => {
  it("builds and parses the app's channels", () => {
    expect(postChannel(POST)).toBe(`private-post-${POST}`);
    expect(userChannel(USER)).toBe(`private-user-${USER}`);
    expect(parseChannel(postChannel(POST))).toEqual({ kind: "post", postId: POST });
    expect(parseChannel(userChannel(USER))).toEqual({ kind: "user", userId: USER });
  });

  it.each([
    "private-user-",
    "private-user-a/b",
    "private-user-a;b",
    "presence-user-abc",
    "private-encrypted-user-abc",
    "post-abc",
    "private-post-",
    "user-abc",
    "",
    `private-user-${"a".repeat(65)}`,
  ])("parses %j as no channel of the app", (name) => {
    expect(parseChannel(name)).toBeNull();
  });

  it("refuses ids that do not fit a channel name", () => {
    expect(() => postChannel("a b")).toThrow(TypeError);
    expect(() => userChannel("")).toThrow(TypeError);
  });
});

describe("settings", () => {
  const base: RealtimeEnv = { AUTH_SECRET: SECRET, REALTIME_PORT: 6001, REALTIME_DISABLED: false };

  it("defaults to the embedded server with a derived secret", () => {
    const s = resolveRealtimeSettings(base);
    expect(s).toMatchObject({ driver: "embedded", appId: "snapgram", key: "snapgram-key" });
    expect(s.driver === "embedded" && s.secret).toBe(deriveEmbeddedSecret(SECRET));
    expect(deriveEmbeddedSecret(SECRET)).not.toContain(SECRET);
    expect(deriveEmbeddedSecret(SECRET)).toMatch(/^[0-9a-f]{64}$/);
    expect(clientConfigFor(s)).toEqual({
      enabled: true,
      key: "snapgram-key",
      cluster: "mt1",
      wsHost: "127.0.0.1",
      wsPort: 6001,
      forceTLS: false,
    });
  });

  it("uses Pusher Channels, a self-hosted server, or nothing", () => {
    const creds = { PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s" };
    const cluster = resolveRealtimeSettings({ ...base, ...creds, PUSHER_CLUSTER: "eu" });
    expect(clientConfigFor(cluster)).toMatchObject({ key: "k", cluster: "eu", wsHost: null });
    const host = resolveRealtimeSettings({ ...base, ...creds, PUSHER_HOST: "ws.example.com" });
    expect(clientConfigFor(host)).toMatchObject({ wsHost: "ws.example.com", wsPort: 443 });
    const off = resolveRealtimeSettings({ ...base, REALTIME_DISABLED: true });
    expect(clientConfigFor(off).enabled).toBe(false);
    expect(JSON.stringify(clientConfigFor(cluster))).not.toContain('"s"');
  });
});

describe("publisher", () => {
  function fakeClient(fail = false) {
    const calls: unknown[][] = [];
    const client: PusherTrigger = {
      trigger: vi.fn(async (...args: unknown[]) => {
        calls.push(args);
        if (fail) throw new Error("connect ECONNREFUSED");
        return new Response();
      }) as unknown as PusherTrigger["trigger"],
      triggerBatch: vi.fn(async (events: unknown[]) => {
        calls.push(events);
        return new Response();
      }) as unknown as PusherTrigger["triggerBatch"],
    };
    return { client, calls };
  }

  it("sends typed events and strips viewer-only fields", async () => {
    const { client, calls } = fakeClient();
    const publisher = createPublisher(client);
    await publishLikeCount(publisher, POST, 4);
    // Extra fields (a caller passing the whole comment) never reach the channel.
    const withText = { postId: POST, commentId: comment.id, commentCount: 1, comment };
    await publishCommentAdded(publisher, withText);
    await publishNotification(publisher, USER, { id: "n1", unreadCount: 1 });
    await publishNotificationRemoved(publisher, USER, { unreadCount: 0 });
    expect(calls[3]).toEqual([`private-user-${USER}`, "notification.removed", { unreadCount: 0 }]);
    expect(calls[0]).toEqual([
      `private-post-${POST}`,
      "like.count",
      { postId: POST, likeCount: 4 },
    ]);
    expect(calls[1]?.[2]).toEqual({ postId: POST, commentId: comment.id, commentCount: 1 });
    expect(calls[2]?.[0]).toBe(`private-user-${USER}`);
  });

  it("drops malformed events and never throws", async () => {
    const log = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { client, calls } = fakeClient(true);
    const publisher = createPublisher(client, { log: () => {} });
    await expect(publishLikeCount(publisher, "bad id", 1)).resolves.toBeUndefined();
    await expect(publishLikeCount(publisher, POST, -1)).resolves.toBeUndefined();
    expect(calls).toHaveLength(0);
    await expect(publisher.publish("post-x", "like.count", {})).resolves.toBeUndefined();
    log.mockRestore();
  });

  it("batches publishMany by ten", async () => {
    const { client, calls } = fakeClient();
    const events = Array.from({ length: 23 }, (_, i) => ({
      channel: `post-${i}`,
      event: "like.count",
      payload: { postId: `${i}`, likeCount: i },
    }));
    await createPublisher(client).publishMany(events);
    expect(calls.map((c) => c.length)).toEqual([10, 10, 3]);
  });

  it("logs failures at most once per period", () => {
    const lines: string[] = [];
    const report = throttledLogger((m) => lines.push(m), 60_000);
    for (let i = 0; i < 5; i += 1) report("down");
    expect(lines).toEqual(["down"]);
  });
});

describe("ChannelHub", () => {
  function fakePusher() {
    const subscribed = new Map<string, (event: string, data: unknown) => void>();
    let subscribeCalls = 0;
    return {
      subscribed,
      count: () => subscribeCalls,
      subscribe(name: string): HubChannel {
        subscribeCalls += 1;
        return {
          bind_global: (cb) => subscribed.set(name, cb),
          unbind_global: () => {},
        };
      },
      unsubscribe(name: string) {
        subscribed.delete(name);
      },
    };
  }

  it("shares one subscription between listeners and ends it with the last", () => {
    const hub = new ChannelHub();
    const client = fakePusher();
    const a = vi.fn();
    const b = vi.fn();
    const releaseA = hub.acquire("post-1", a);
    hub.attach(client);
    const releaseB = hub.acquire("post-1", b);
    expect(client.count()).toBe(1);
    expect(hub.listenerCount("post-1")).toBe(2);
    client.subscribed.get("post-1")?.("like.count", { n: 1 });
    client.subscribed.get("post-1")?.("pusher:subscription_succeeded", {});
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledWith("like.count", { n: 1 });
    releaseA();
    releaseA();
    expect(client.subscribed.has("post-1")).toBe(true);
    releaseB();
    expect(client.subscribed.has("post-1")).toBe(false);
    expect(hub.listenerCount("post-1")).toBe(0);
  });

  it("subscribes to every channel again on resubscribeAll (rights changed), keeping listeners", () => {
    const hub = new ChannelHub();
    const client = fakePusher();
    const onPost = vi.fn();
    hub.acquire("private-post-1", onPost);
    hub.acquire("private-user-1", () => {});
    hub.attach(client);
    expect(client.count()).toBe(2);
    hub.resubscribeAll();
    // Each channel asked for again (pusher-js authorises a new subscription anew).
    expect(client.count()).toBe(4);
    expect([...client.subscribed.keys()].sort()).toEqual(["private-post-1", "private-user-1"]);
    client.subscribed.get("private-post-1")?.("like.count", { n: 2 });
    expect(onPost).toHaveBeenCalledWith("like.count", { n: 2 });
    expect(parseUserEvent("channels.reauthorize", {})).toEqual({});
  });

  it("loads what events need at the first event only, and delivers every event after it in order", async () => {
    let finish: () => void = () => {};
    const prepare = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const hub = new ChannelHub({ prepare });
    const client = fakePusher();
    const seen: string[] = [];
    hub.acquire("private-post-1", (event, data) => seen.push(`${event}:${JSON.stringify(data)}`));
    hub.acquire("private-user-1", (event) => seen.push(`user:${event}`));
    hub.attach(client);
    client.subscribed.get("private-post-1")?.("pusher:subscription_succeeded", {});
    // Connected and subscribed, nothing heard yet: nothing loaded.
    expect(prepare).not.toHaveBeenCalled();
    client.subscribed.get("private-post-1")?.("like.count", { n: 1 });
    client.subscribed.get("private-user-1")?.("notification.created", {});
    client.subscribed.get("private-post-1")?.("like.count", { n: 2 });
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([]);
    finish();
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen).toEqual(['like.count:{"n":1}', "user:notification.created", 'like.count:{"n":2}']);
    client.subscribed.get("private-post-1")?.("like.count", { n: 3 });
    expect(seen.at(-1)).toBe('like.count:{"n":3}');
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it("still delivers events when loading what they need failed", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const hub = new ChannelHub({ prepare: () => Promise.reject(new Error("chunk failed")) });
    const client = fakePusher();
    const onPost = vi.fn();
    hub.acquire("private-post-1", onPost);
    hub.attach(client);
    client.subscribed.get("private-post-1")?.("like.count", { n: 1 });
    await vi.waitFor(() => expect(onPost).toHaveBeenCalledWith("like.count", { n: 1 }));
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
