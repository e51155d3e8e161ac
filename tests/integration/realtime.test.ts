import { createHmac } from "node:crypto";
import net from "node:net";
import Pusher, { type Channel, type ChannelAuthorizationHandler } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authorizeChannelFor } from "@/lib/realtime/auth";
import { postChannel, userChannel } from "@/lib/realtime/channels";
import { publishLikeCount, publishNotification } from "@/lib/realtime/events";
import { createPublisher, createPusherClient } from "@/lib/realtime/publisher";
import { deriveEmbeddedSecret, embeddedSettings } from "@/lib/realtime/settings";
import { freePort, type RunningSoketi, soketiBinary, startSoketi } from "@/lib/realtime/soketi";

const currentUser = vi.hoisted(() => ({
  value: null as null | { id: string; username: string; name: string; role: "user" },
}));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => currentUser.value }));

const binary = soketiBinary();
const missing = "@soketi/soketi is not installed (node_modules/@soketi)";
// Under CI the realtime server must be there: its absence fails the run instead of a silent skip.
const underCi = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";
if (!binary && !underCi) console.warn(`realtime tests skipped: ${missing}`);

if (!binary && underCi) {
  describe("the realtime server under CI", () => {
    it("is installed: CI never skips the realtime tests", () => {
      expect.fail(`${missing}; run npm ci`);
    });
  });
}

const ANA = "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b5a";
const BEN = "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b5b";
const POST = "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b5c";
const ana = { id: ANA, username: "ana", name: "Ana", role: "user" as const };
const AUTH_SECRET = "integration-test-realtime-secret-0123456789";

let server: RunningSoketi;
let settings: ReturnType<typeof embeddedSettings>;
const clients: Pusher[] = [];

function connect(auth?: ChannelAuthorizationHandler): Pusher {
  const client = new Pusher(settings.key, {
    cluster: "mt1",
    wsHost: "127.0.0.1",
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    ...(auth ? { channelAuthorization: { customHandler: auth } } : {}),
  });
  clients.push(client);
  return client;
}

/** Resolves "ok" once subscribed, or the error of a refused subscription. */
function subscribed(channel: Channel): Promise<"ok" | { status?: number; error?: unknown }> {
  return new Promise((resolve) => {
    channel.bind("pusher:subscription_succeeded", () => resolve("ok"));
    channel.bind("pusher:subscription_error", (e: { status?: number; error?: unknown }) =>
      resolve(e ?? {}),
    );
  });
}

/** A post check that lets everyone see every post (the route asks the database). */
const anyPost = async () => true;

function nextEvent(channel: Channel, event: string): Promise<unknown> {
  return new Promise((resolve) => channel.bind(event, resolve));
}

describe.skipIf(!binary)("realtime over a real Pusher-protocol server (soketi)", () => {
  beforeAll(async () => {
    settings = embeddedSettings(AUTH_SECRET, await freePort());
    server = await startSoketi({ ...settings, output: "ignore" });
  });

  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server?.stop();
  });

  const publisher = () => createPublisher(createPusherClient(settings), { log: () => {} });
  const signer = () => {
    const client = createPusherClient(settings);
    return (socketId: string, channel: string) => client.authorizeChannel(socketId, channel);
  };
  /** A client whose private channels the app authorizes, for ana (as /api/realtime/auth does). */
  const connectAsAna = () => {
    const sign = signer();
    return connect(async ({ socketId, channelName }, callback) => {
      const result = await authorizeChannelFor(ana, socketId, channelName, sign, anyPost);
      if (result.ok) callback(null, result.data);
      else callback(new Error(result.message), null);
    });
  };

  it("delivers like.count from the publisher to a subscribed pusher-js client", async () => {
    const channel = connectAsAna().subscribe(postChannel(POST));
    expect(await subscribed(channel)).toBe("ok");
    const received = nextEvent(channel, "like.count");
    await publishLikeCount(publisher(), POST, 7);
    expect(await received).toEqual({ postId: POST, likeCount: 7 });
  });

  it("lets a user subscribe to their own private channel and receive notifications", async () => {
    const client = connectAsAna();
    const channel = client.subscribe(userChannel(ANA));
    expect(await subscribed(channel)).toBe("ok");
    const received = nextEvent(channel, "notification.created");
    await publishNotification(publisher(), ANA, { id: POST, unreadCount: 3 });
    expect(await received).toEqual({ id: POST, unreadCount: 3 });
  });

  it("refuses another user's private channel, whether the app or the server is asked", async () => {
    const viaApp = connectAsAna().subscribe(userChannel(BEN));
    expect(await subscribed(viaApp)).not.toBe("ok");

    // A forged signature (right shape, wrong secret) goes to the server, which refuses it.
    const forged = connect(({ socketId, channelName }, callback) => {
      const signature = createHmac("sha256", "not-the-app-secret")
        .update(`${socketId}:${channelName}`)
        .digest("hex");
      callback(null, { auth: `${settings.key}:${signature}` });
    }).subscribe(userChannel(BEN));
    expect(await subscribed(forged)).toMatchObject({ type: "AuthError", status: 401 });
  });

  // Last in this group: it stops the server.
  it("never throws nor hangs when the server is stopped or silent", async () => {
    await server.stop();
    const lines: string[] = [];
    const down = createPublisher(createPusherClient(settings), { log: (m) => lines.push(m) });
    let started = Date.now();
    await expect(publishLikeCount(down, POST, 1)).resolves.toBeUndefined();
    await expect(down.publish(postChannel(POST), "like.count", {})).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(lines).toHaveLength(1);

    // A server that accepts the connection and never answers: the timeout ends the wait.
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const stuck = createPublisher(createPusherClient({ ...settings, port }), { log: () => {} });
    started = Date.now();
    await expect(
      stuck.publishMany([{ channel: postChannel(POST), event: "like.count", payload: {} }]),
    ).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2500);
    silent.close();
  });
});

describe("channel authorization", () => {
  const sign = (socketId: string, channel: string) => ({ auth: `k:${socketId}:${channel}` });

  it("signs only the user's own private channel", async () => {
    expect(await authorizeChannelFor(ana, "123.456", userChannel(ANA), sign, anyPost)).toEqual({
      ok: true,
      data: { auth: `k:123.456:private-user-${ANA}` },
    });
    expect(
      await authorizeChannelFor(ana, "123.456", userChannel(BEN), sign, anyPost),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      await authorizeChannelFor(null, "123.456", userChannel(ANA), sign, anyPost),
    ).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("signs a post's channel only for a viewer who may see the post", async () => {
    const asked: string[] = [];
    const onlyBen = async (postId: string, viewerId: string | null) => {
      asked.push(`${viewerId}:${postId}`);
      return viewerId === BEN;
    };
    expect(
      await authorizeChannelFor({ id: BEN }, "123.456", postChannel(POST), sign, onlyBen),
    ).toEqual({ ok: true, data: { auth: `k:123.456:private-post-${POST}` } });
    expect(
      await authorizeChannelFor(ana, "123.456", postChannel(POST), sign, onlyBen),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // Signed out: the post's channel when the post is public (here: not), never a user channel.
    expect(
      await authorizeChannelFor(null, "123.456", postChannel(POST), sign, onlyBen),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await authorizeChannelFor(null, "123.456", postChannel(POST), sign, anyPost)).toEqual({
      ok: true,
      data: { auth: `k:123.456:private-post-${POST}` },
    });
    expect(asked).toEqual([`${BEN}:${POST}`, `${ANA}:${POST}`, `null:${POST}`]);
  });

  it.each([
    ["a forged channel", "123.456", `private-user-${ANA}x`],
    ["a presence channel", "123.456", `presence-user-${ANA}`],
    ["a public channel", "123.456", `post-${POST}`],
    ["a path in the channel", "123.456", `private-user-${ANA}/../x`],
    ["a socket id of letters", "abc.def", userChannel(ANA)],
    ["a socket id with extra text", "123.456:private-user-x", userChannel(ANA)],
  ])("refuses %s", async (_, socketId, channel) => {
    expect(await authorizeChannelFor(ana, socketId, channel, sign, anyPost)).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("answers 400 when fields are missing", async () => {
    expect(
      await authorizeChannelFor(ana, undefined, userChannel(ANA), sign, anyPost),
    ).toMatchObject({ code: "VALIDATION" });
  });
});

describe("POST /api/realtime/auth", () => {
  async function post(body: string | Record<string, string>) {
    const { POST: handler } = await import("@/app/api/realtime/auth/route");
    const form = typeof body === "string" ? body : new URLSearchParams(body).toString();
    const response = await handler(
      new Request("http://localhost/api/realtime/auth", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form,
      }),
    );
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it("signs the signed-in user's own channel with the embedded app secret", async () => {
    currentUser.value = ana;
    const res = await post({ socket_id: "123.456", channel_name: userChannel(ANA) });
    expect(res.status).toBe(200);
    const secret = deriveEmbeddedSecret(process.env.AUTH_SECRET ?? "");
    const expected = createHmac("sha256", secret)
      .update(`123.456:${userChannel(ANA)}`)
      .digest("hex");
    expect(res.json).toEqual({ auth: `snapgram-key:${expected}` });
  });

  it("answers 403 for others' channels, 400 for a bad form and 401 when signed out", async () => {
    currentUser.value = ana;
    expect((await post({ socket_id: "123.456", channel_name: userChannel(BEN) })).status).toBe(403);
    expect((await post({ socket_id: "1", channel_name: userChannel(ANA) })).status).toBe(403);
    expect((await post({ channel_name: userChannel(ANA) })).status).toBe(400);
    expect((await post("x".repeat(5000))).status).toBe(400);
    currentUser.value = null;
    const signedOut = await post({ socket_id: "123.456", channel_name: userChannel(ANA) });
    expect(signedOut).toMatchObject({ status: 401, json: { code: "UNAUTHENTICATED" } });
  });
});
