import "./helpers/next-runtime";
import { and, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as explore } from "@/app/api/explore/route";
import { GET as tagPosts } from "@/app/api/explore/tags/[tag]/route";
import { GET as feed } from "@/app/api/feed/route";
import { GET as notificationsRoute } from "@/app/api/notifications/route";
import { GET as comments } from "@/app/api/posts/[id]/comments/route";
import { GET as likes } from "@/app/api/posts/[id]/likes/route";
import { POST as realtimeAuth } from "@/app/api/realtime/auth/route";
import { GET as searchRoute } from "@/app/api/search/route";
import { GET as followers } from "@/app/api/users/[username]/followers/route";
import { GET as following } from "@/app/api/users/[username]/following/route";
import { GET as profilePosts } from "@/app/api/users/[username]/posts/route";
import { GET as saved } from "@/app/api/users/[username]/saved/route";
import { type Db, openDatabase } from "@/db/client";
import { exploreRanks, followRequests, follows, notifications, saves, users } from "@/db/schema";
import { addCommentAction } from "@/lib/comments/actions";
import { tagPage, trendingTags } from "@/lib/discover/queries";
import { refreshDiscover } from "@/lib/discover/service";
import {
  approveFollowRequestAction,
  deleteFollowRequestAction,
  setFollowAction,
  setPrivateAccountAction,
} from "@/lib/follows/actions";
import { suggestPeople } from "@/lib/follows/queries";
import { setFollow } from "@/lib/follows/service";
import { setPrivateAccount } from "@/lib/follows/service-requests";
import { setLikeAction } from "@/lib/likes/actions";
import { listReportQueue } from "@/lib/moderation/queries";
import { decide, fileReport } from "@/lib/moderation/service";
import { getPostView } from "@/lib/posts/queries";
import { postChannel } from "@/lib/realtime/channels";
import { setSaveAction } from "@/lib/saves/actions";
import { setSave } from "@/lib/saves/service";
import { getProfileView } from "@/lib/users/queries-profile";
import { setupActionHarness, type TestUser, unknownId } from "./helpers/actions";
import { addPosts } from "./helpers/discover";

// Private accounts: every read path answers, on the server, for a stranger, an approved follower,
// a pending requester and the owner; the follow-request writes keep the counters exact.
const h = setupActionHarness();

const ROLES = ["stranger", "follower", "pending", "owner"] as const;
type Role = (typeof ROLES)[number];
/** Who may see a private account's posts and lists. */
const SEES: Record<Role, boolean> = {
  stranger: false,
  follower: true,
  pending: false,
  owner: true,
};

const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error(`arrange failed: ${JSON.stringify(r)}`);
  return r;
};
const recent = (minutes: number) => new Date(Date.now() - minutes * 60_000);

type World = Record<Role, TestUser> & {
  public: TestUser;
  /** the private owner's post, tagged #privtag and #secretag, the most liked of all */
  post: string;
  /** a public account's post tagged #privtag */
  publicPost: string;
};

/** The owner goes private after `follower` followed; `pending` asks afterwards. */
async function world(): Promise<World> {
  const db = h.db();
  const [owner, follower, pending, stranger, pub] = [
    await h.user(),
    await h.user(),
    await h.user(),
    await h.user(),
    await h.user(),
  ];
  const [post, publicPost] = await addPosts(db, [
    { author: owner.id, caption: "Dawn #privtag #secretag", at: recent(30), likes: 90 },
    { author: pub.id, caption: "Noon #privtag", at: recent(60), likes: 1 },
  ]);
  if (!post || !publicPost) throw new Error("no posts");
  ok((await setFollow(db, follower.id, { userId: owner.id, follow: true })).result);
  ok(await setSave(db, follower.id, { postId: post, saved: true }));
  ok((await setPrivateAccount(db, owner.id, { isPrivate: true })).result);
  const asked = (await setFollow(db, pending.id, { userId: owner.id, follow: true })).result;
  expect(asked).toMatchObject({ ok: true, data: { following: false, requested: true } });
  await refreshDiscover(db);
  return { owner, follower, pending, stranger, public: pub, post, publicPost };
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => unknown;

async function get(handler: unknown, path: string, params: Record<string, string> = {}) {
  const res = (await (handler as Handler)(new NextRequest(`http://localhost:3000${path}`), {
    params: Promise.resolve(params),
  })) as Response;
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const ids = (body: Record<string, unknown>, key = "items") =>
  ((body[key] as { id: string }[] | undefined) ?? []).map((i) => i.id);

/** What one read path shows `role`: true when the private account's post (or list) is shown. */
type ReadPath = (w: World, role: Role) => Promise<boolean>;

const paths: [string, ReadPath, Partial<Record<Role, boolean>>?][] = [
  [
    "profile page query (header for everyone, posts only for followers)",
    async (w, role) => {
      const profile = await getProfileView(h.db(), w.owner.username, w[role].id);
      expect(profile?.followerCount).toBe(1);
      expect(profile?.isPrivate).toBe(true);
      expect(profile?.viewerRequested).toBe(role === "pending");
      return Boolean(profile?.viewerCanSeePosts);
    },
  ],
  [
    "GET /api/users/<owner>/posts",
    async (w) => {
      const res = await get(profilePosts, `/api/users/${w.owner.username}/posts`, {
        username: w.owner.username,
      });
      if (res.status === 403) {
        expect(res.body).toMatchObject({ ok: false, code: "FORBIDDEN" });
        expect(res.body.items).toBeUndefined();
        return false;
      }
      expect(res.status).toBe(200);
      return ids(res.body).includes(w.post);
    },
  ],
  ...(["followers", "following"] as const).map((list): [string, ReadPath] => [
    `GET /api/users/<owner>/${list}`,
    async (w) => {
      const handler = list === "followers" ? followers : following;
      const res = await get(handler, `/api/users/${w.owner.username}/${list}`, {
        username: w.owner.username,
      });
      if (res.status === 403) {
        expect(res.body.items).toBeUndefined();
        return false;
      }
      expect(res.status).toBe(200);
      if (list === "followers") expect(ids(res.body)).toEqual([w.follower.id]);
      return true;
    },
  ]),
  [
    "GET /api/users/<owner>/saved (the owner's alone, as before)",
    async (w) =>
      (
        await get(saved, `/api/users/${w.owner.username}/saved`, {
          username: w.owner.username,
        })
      ).status === 200,
    { follower: false },
  ],
  [
    "post page query (getPostView)",
    async (w, role) => (await getPostView(h.db(), w.post, w[role].id)) !== null,
  ],
  [
    "GET /api/posts/<id>/comments",
    async (w) => {
      const res = await get(comments, `/api/posts/${w.post}/comments`, { id: w.post });
      expect([200, 404]).toContain(res.status);
      if (res.status === 404) expect(res.body.items).toBeUndefined();
      return res.status === 200;
    },
  ],
  [
    "GET /api/posts/<id>/likes",
    async (w) => {
      const res = await get(likes, `/api/posts/${w.post}/likes`, { id: w.post });
      expect([200, 404]).toContain(res.status);
      return res.status === 200;
    },
  ],
  [
    "GET /api/search (the account is findable: its header is public)",
    async (w) => {
      const res = await get(searchRoute, `/api/search?q=${w.owner.username}`);
      expect(res.status).toBe(200);
      return ids(res.body, "users").includes(w.owner.id);
    },
    { stranger: true, pending: true },
  ],
  [
    "GET /api/explore (never a private account's post)",
    async (w, role) => {
      const res = await get(explore, "/api/explore");
      expect(res.status).toBe(200);
      // The public post is there for anyone who is not its author (explore is not empty).
      if (role !== "owner") expect(ids(res.body)).toContain(w.publicPost);
      return ids(res.body).includes(w.post);
    },
    { follower: false, owner: false },
  ],
  [
    "tag page: GET /api/explore/tags/privtag and the page's top posts (tagPage)",
    async (w, role) => {
      const res = await get(tagPosts, "/api/explore/tags/privtag", { tag: "privtag" });
      expect(res.status).toBe(200);
      const recentIds = ids(res.body);
      expect(recentIds).toContain(w.publicPost);
      const page = await tagPage(h.db(), { tag: "privtag", viewerId: w[role].id });
      const top = page?.top.map((p) => p.id) ?? [];
      expect(top.includes(w.post)).toBe(recentIds.includes(w.post));
      return recentIds.includes(w.post);
    },
  ],
  [
    "GET /api/feed",
    async (w) => {
      const res = await get(feed, "/api/feed");
      expect(res.status).toBe(200);
      return ids(res.body).includes(w.post);
    },
  ],
  [
    "POST /api/realtime/auth for the post's channel",
    async (w) => {
      const res = await realtimeAuth(
        new Request("http://localhost:3000/api/realtime/auth", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            socket_id: "123.456",
            channel_name: postChannel(w.post),
          }).toString(),
        }),
      );
      const body = (await res.json()) as { auth?: string };
      expect([200, 404]).toContain(res.status);
      expect(Boolean(body.auth)).toBe(res.status === 200);
      return res.status === 200;
    },
  ],
];

describe("private account: what each viewer gets on every read path", () => {
  it("signed out: the header only, and the post, its lists and its live channel are absent", async () => {
    const w = await world();
    h.signOut();
    const profile = await getProfileView(h.db(), w.owner.username, null);
    expect(profile).toMatchObject({ isPrivate: true, viewerCanSeePosts: false, followerCount: 1 });
    const grid = await get(profilePosts, `/api/users/${w.owner.username}/posts`, {
      username: w.owner.username,
    });
    expect(grid.status).toBe(403);
    expect(await getPostView(h.db(), w.post, null)).toBeNull();
    expect((await get(comments, `/api/posts/${w.post}/comments`, { id: w.post })).status).toBe(404);
    const auth = async (postId: string) =>
      (
        await realtimeAuth(
          new Request("http://localhost:3000/api/realtime/auth", {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({
              socket_id: "123.456",
              channel_name: postChannel(postId),
            }).toString(),
          }),
        )
      ).status;
    expect(await auth(w.post)).toBe(404);
    // A public post stays live for signed-out readers, as its page is public.
    expect(await auth(w.publicPost)).toBe(200);
  });

  it.each(paths)("%s", async (_name, read, overrides) => {
    const w = await world();
    const got: Record<string, boolean> = {};
    for (const role of ROLES) {
      await h.signInAs(w[role]);
      got[role] = await read(w, role);
    }
    expect(got).toEqual({ ...SEES, ...overrides });
  });

  it("notifications about the post reach only those who may see it", async () => {
    const w = await world();
    const db = h.db();
    // Mentions in the private post's caption, as createPost writes them.
    await db.insert(notifications).values(
      (["stranger", "follower", "pending"] as const).map((role) => ({
        recipientId: w[role].id,
        actorId: w.owner.id,
        kind: "mention" as const,
        postId: w.post,
      })),
    );
    const shown: Record<string, number> = {};
    for (const role of ["stranger", "follower", "pending"] as const) {
      await h.signInAs(w[role]);
      const res = await get(notificationsRoute, "/api/notifications");
      expect(res.status).toBe(200);
      shown[role] = (res.body.items as { kind: string }[]).filter(
        (n) => n.kind === "mention",
      ).length;
    }
    expect(shown).toEqual({ stranger: 0, follower: 1, pending: 0 });
    // The owner's inbox holds the pending request as a notification.
    await h.signInAs(w.owner);
    const mine = await get(notificationsRoute, "/api/notifications");
    const kinds = (mine.body.items as { kind: string; actors: { id: string }[] }[]).map((n) => [
      n.kind,
      n.actors[0]?.id,
    ]);
    expect(kinds).toContainEqual(["follow_request", w.pending.id]);
  });

  it("refuses likes, comments and saves by non-followers as if the post were missing", async () => {
    const w = await world();
    const writes = [
      () => h.call(setLikeAction, { postId: w.post, liked: true }),
      () => h.call(addCommentAction, { postId: w.post, body: "hello" }),
      () => h.call(setSaveAction, { postId: w.post, saved: true }),
    ];
    for (const role of ROLES) {
      await h.signInAs(w[role]);
      for (const write of writes) {
        const out = await write();
        if (SEES[role]) expect(out.kind, `${role}: ${JSON.stringify(out)}`).not.toBe("fail");
        else expect(out, role).toMatchObject({ kind: "fail", code: "NOT_FOUND" });
      }
    }
  });

  it("reports: a follower may report the post, a stranger may not; moderators see and decide", async () => {
    const w = await world();
    const report = { targetType: "post" as const, targetId: w.post, reason: "spam" as const };
    expect(await fileReport(h.db(), w.stranger.id, { ...report, details: "" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await fileReport(h.db(), w.follower.id, { ...report, details: "" })).toMatchObject({
      ok: true,
    });
    const queue = await listReportQueue(h.db());
    expect(queue?.items.map((g) => g.targetId)).toEqual([w.post]);
    const moderator = await h.user({ role: "moderator" });
    const decided = await decide(h.db(), moderator, {
      targetType: "post",
      targetId: w.post,
      decision: "suspend",
      note: "",
    });
    expect(decided).toMatchObject({ ok: true, data: { action: "suspend_user" } });
  });

  it("leaves private accounts out of the explore snapshot and trending tags", async () => {
    const w = await world();
    const ranked = await h.db().select({ id: exploreRanks.postId }).from(exploreRanks);
    expect(ranked.map((r) => r.id)).toContain(w.publicPost);
    expect(ranked.map((r) => r.id)).not.toContain(w.post);
    const tags = await trendingTags(h.db());
    const privtag = tags.find((t) => t.tag === "privtag");
    expect(privtag?.uses24h).toBe(1);
    expect(tags.map((t) => t.tag)).not.toContain("secretag");
  });

  it("an account gone private after the snapshot drops out of explore at once", async () => {
    const w = await world();
    ok((await setPrivateAccount(h.db(), w.public.id, { isPrivate: true })).result);
    await h.signInAs(w.stranger);
    const res = await get(explore, "/api/explore");
    expect(ids(res.body)).not.toContain(w.publicPost);
  });
});

describe("follow requests", () => {
  async function counts(id: string) {
    const [row] = await h
      .db()
      .select({
        followers: users.followerCount,
        following: users.followingCount,
        followersReal: sql<number>`(select count(*)::int from follows f where f.followee_id = ${id})`,
        followingReal: sql<number>`(select count(*)::int from follows f where f.follower_id = ${id})`,
      })
      .from(users)
      .where(eq(users.id, id));
    return row;
  }
  const pendingRows = async (targetId: string) =>
    h.db().select().from(followRequests).where(eq(followRequests.targetId, targetId));

  it("approve makes a follow with exact counters and gives access; Requested cancels", async () => {
    const w = await world();
    await h.signInAs(w.owner);
    const approved = await h.call(approveFollowRequestAction, { userId: w.pending.id });
    expect(approved).toMatchObject({ kind: "ok", data: { followerCount: 2 } });
    expect(await counts(w.owner.id)).toMatchObject({ followers: 2, followersReal: 2 });
    expect(await counts(w.pending.id)).toMatchObject({ following: 1, followingReal: 1 });
    expect(await pendingRows(w.owner.id)).toEqual([]);
    // The request notification is gone with the request.
    const left = await h
      .db()
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "follow_request"));
    expect(left).toEqual([]);
    expect(await getPostView(h.db(), w.post, w.pending.id)).not.toBeNull();
    // The requester hears of it.
    await h.signInAs(w.pending);
    const told = await get(notificationsRoute, "/api/notifications");
    expect(
      (told.body.items as { kind: string; actors: { id: string }[] }[]).map((n) => [
        n.kind,
        n.actors[0]?.id,
      ]),
    ).toEqual([["follow_accept", w.owner.id]]);

    // The stranger asks, then cancels by pressing "Requested" (follow: false).
    await h.signInAs(w.stranger);
    expect(await h.call(setFollowAction, { userId: w.owner.id, follow: true })).toMatchObject({
      kind: "ok",
      data: { following: false, requested: true, followerCount: 2 },
    });
    expect(await pendingRows(w.owner.id)).toHaveLength(1);
    expect(await h.call(setFollowAction, { userId: w.owner.id, follow: false })).toMatchObject({
      kind: "ok",
      data: { following: false, requested: false, followerCount: 2 },
    });
    expect(await pendingRows(w.owner.id)).toEqual([]);
  });

  it("people lists and suggestions say Requested for a pending request (and private)", async () => {
    const w = await world();
    const rowOf = async (role: Role) => {
      await h.signInAs(w[role]);
      const res = await get(following, `/api/users/${w.follower.username}/following`, {
        username: w.follower.username,
      });
      expect(res.status).toBe(200);
      const items = res.body.items as {
        id: string;
        viewerRequested: boolean;
        isPrivate: boolean;
      }[];
      return items.find((p) => p.id === w.owner.id);
    };
    expect(await rowOf("pending")).toMatchObject({ viewerRequested: true, isPrivate: true });
    expect(await rowOf("stranger")).toMatchObject({ viewerRequested: false, isPrivate: true });
    expect(await rowOf("follower")).toMatchObject({ viewerRequested: false, viewerFollows: true });
    // The pending requester follows nobody: the owner comes as "Popular", marked requested.
    const suggested = await suggestPeople(h.db(), w.pending.id, 20);
    expect(suggested.find((p) => p.id === w.owner.id)).toMatchObject({
      viewerRequested: true,
      isPrivate: true,
      viewerFollows: false,
    });
    const forStranger = await suggestPeople(h.db(), w.stranger.id, 20);
    expect(forStranger.find((p) => p.id === w.owner.id)).toMatchObject({ viewerRequested: false });
    // Once approved the list says Following instead.
    await h.signInAs(w.owner);
    expect(await h.call(approveFollowRequestAction, { userId: w.pending.id })).toMatchObject({
      kind: "ok",
    });
    expect(await rowOf("pending")).toMatchObject({ viewerRequested: false, viewerFollows: true });
  });

  it("delete drops the request without a follow", async () => {
    const w = await world();
    await h.signInAs(w.owner);
    expect(await h.call(deleteFollowRequestAction, { userId: w.pending.id })).toMatchObject({
      kind: "ok",
    });
    expect(await pendingRows(w.owner.id)).toEqual([]);
    expect(await counts(w.owner.id)).toMatchObject({ followers: 1, followersReal: 1 });
    expect((await getProfileView(h.db(), w.owner.username, w.pending.id))?.viewerRequested).toBe(
      false,
    );
  });

  it("going public approves every pending request, counters exact", async () => {
    const w = await world();
    ok((await setFollow(h.db(), w.stranger.id, { userId: w.owner.id, follow: true })).result);
    expect(await pendingRows(w.owner.id)).toHaveLength(2);
    await h.signInAs(w.owner);
    expect(await h.call(setPrivateAccountAction, { isPrivate: false })).toMatchObject({
      kind: "ok",
      data: { isPrivate: false, approved: 2 },
    });
    expect(await pendingRows(w.owner.id)).toEqual([]);
    expect(await counts(w.owner.id)).toMatchObject({ followers: 3, followersReal: 3 });
    for (const u of [w.stranger, w.pending]) {
      expect(await counts(u.id)).toMatchObject({ following: 1, followingReal: 1 });
    }
    // Public again: a follow is a follow at once.
    await h.signInAs(w.public);
    expect(await h.call(setFollowAction, { userId: w.owner.id, follow: true })).toMatchObject({
      kind: "ok",
      data: { following: true, requested: false, followerCount: 4 },
    });
  });

  it("unfollowing a private account removes access at once, saved items included", async () => {
    const w = await world();
    await h.signInAs(w.follower);
    const before = await get(saved, `/api/users/${w.follower.username}/saved`, {
      username: w.follower.username,
    });
    expect(ids(before.body)).toEqual([w.post]);
    expect(await h.call(setFollowAction, { userId: w.owner.id, follow: false })).toMatchObject({
      kind: "ok",
      data: { following: false, requested: false, followerCount: 0 },
    });
    expect(await getPostView(h.db(), w.post, w.follower.id)).toBeNull();
    const after = await get(saved, `/api/users/${w.follower.username}/saved`, {
      username: w.follower.username,
    });
    expect(ids(after.body)).toEqual([]);
    const grid = await get(profilePosts, `/api/users/${w.owner.username}/posts`, {
      username: w.owner.username,
    });
    expect(grid.status).toBe(403);
    // The save row stays (it comes back if they are approved again); only the read hides it.
    const rows = await h.db().select().from(saves).where(eq(saves.userId, w.follower.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses bad requests clearly and writes nothing", async () => {
    const w = await world();
    const check = async (action: unknown, input: unknown, code: string, message?: RegExp) => {
      const before = await h.snapshot();
      const out = await h.call(action as typeof setFollowAction, input);
      expect(out).toMatchObject({ kind: "fail", code });
      if (message && out.kind === "fail") expect(out.message).toMatch(message);
      expect(await h.snapshot()).toBe(before);
    };
    await h.signInAs(w.owner);
    // A request to oneself.
    await check(setFollowAction, { userId: w.owner.id, follow: true }, "VALIDATION", /yourself/);
    await check(approveFollowRequestAction, { userId: w.owner.id }, "VALIDATION", /yourself/);
    // A request that does not exist (nobody, or someone who never asked).
    await check(approveFollowRequestAction, { userId: unknownId() }, "NOT_FOUND", /request/);
    await check(approveFollowRequestAction, { userId: w.stranger.id }, "NOT_FOUND", /request/);
    await check(deleteFollowRequestAction, { userId: w.stranger.id }, "NOT_FOUND", /request/);
    // Someone else's request: the stranger cannot answer the request made to the owner.
    await h.signInAs(w.stranger);
    await check(approveFollowRequestAction, { userId: w.pending.id }, "NOT_FOUND");
    await check(deleteFollowRequestAction, { userId: w.pending.id }, "NOT_FOUND");
    // Malformed input names its field.
    for (const [action, input, field] of [
      [approveFollowRequestAction, { userId: "ben" }, "userId"],
      [deleteFollowRequestAction, {}, "userId"],
      [setPrivateAccountAction, { isPrivate: "yes" }, "isPrivate"],
    ] as const) {
      const out = await h.call(action, input);
      expect(out.kind === "fail" && out.fieldErrors?.[field]?.length, field).toBeGreaterThan(0);
    }
    const stillPending = await h
      .db()
      .select()
      .from(followRequests)
      .where(
        and(eq(followRequests.requesterId, w.pending.id), eq(followRequests.targetId, w.owner.id)),
      );
    expect(stillPending).toHaveLength(1);
    expect(await h.db().select().from(follows).where(eq(follows.followerId, w.pending.id))).toEqual(
      [],
    );
  });
});

/** 30 people ask to follow while the owner goes public: none is left pending, counters exact. */
async function requestStorm(
  writer: Db,
  run: (ops: (() => Promise<unknown>)[]) => Promise<unknown>,
) {
  const db = h.db();
  const owner = await h.user();
  ok((await setPrivateAccount(db, owner.id, { isPrivate: true })).result);
  const people = await Promise.all(Array.from({ length: 30 }, () => h.user()));
  const ask = (id: string) => () => setFollow(writer, id, { userId: owner.id, follow: true });
  await run([
    ...people.slice(0, 15).map((p) => ask(p.id)),
    () => setPrivateAccount(writer, owner.id, { isPrivate: false }),
    ...people.slice(15).map((p) => ask(p.id)),
  ]);
  const pending = await db
    .select()
    .from(followRequests)
    .where(eq(followRequests.targetId, owner.id));
  expect(pending).toEqual([]);
  const drift = await db
    .select({ id: users.id })
    .from(users)
    .where(
      sql`"users"."follower_count" <> (select count(*) from follows f where f.followee_id = "users"."id")
        or "users"."following_count" <> (select count(*) from follows f where f.follower_id = "users"."id")`,
    );
  expect(drift).toEqual([]);
  const [row] = await db.select().from(users).where(eq(users.id, owner.id));
  expect(row).toMatchObject({ isPrivate: false, followerCount: 30 });
}

describe("going public while requests arrive", () => {
  it("one at a time (any database)", async () => {
    await requestStorm(h.db(), async (ops) => {
      for (const op of ops) await op();
    });
  });

  it.skipIf(!process.env.DATABASE_URL)("at once, over 10 connections (PostgreSQL)", async () => {
    const pool = openDatabase({ url: process.env.DATABASE_URL, poolMax: 10 });
    try {
      await requestStorm(pool.db, (ops) => Promise.all(ops.map((op) => op())));
    } finally {
      await pool.close();
    }
  });
});
