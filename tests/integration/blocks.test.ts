import "./helpers/next-runtime";
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { uuidv7 } from "uuidv7";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as exploreRoute } from "@/app/api/explore/route";
import { GET as tagRoute } from "@/app/api/explore/tags/[tag]/route";
import { GET as feedRoute } from "@/app/api/feed/route";
import { GET as notificationsRoute } from "@/app/api/notifications/route";
import { GET as commentRoute } from "@/app/api/posts/[id]/comments/[commentId]/route";
import { GET as commentsRoute } from "@/app/api/posts/[id]/comments/route";
import { GET as likesRoute } from "@/app/api/posts/[id]/likes/route";
import { POST as realtimeAuth } from "@/app/api/realtime/auth/route";
import { GET as searchRoute } from "@/app/api/search/route";
import { GET as followersRoute } from "@/app/api/users/[username]/followers/route";
import { GET as followingRoute } from "@/app/api/users/[username]/following/route";
import { GET as gridRoute } from "@/app/api/users/[username]/posts/route";
import { blocks, comments, followRequests, follows, notifications } from "@/db/schema";
import { addCommentAction } from "@/lib/comments/actions";
import { setRestrictAction } from "@/lib/comments/actions-restrict";
import { suggestedPeople } from "@/lib/discover/queries";
import { setFollowAction, setPrivateAccountAction } from "@/lib/follows/actions";
import { setLikeAction } from "@/lib/likes/actions";
import { getPostView } from "@/lib/posts/queries";
import { postChannel, userChannel } from "@/lib/realtime/channels";
import type { OutgoingEvent, Publisher } from "@/lib/realtime/publisher";
import { setBlockAction, setMuteAction } from "@/lib/relations/actions";
import { listBlockedAccounts, listMutedAccounts } from "@/lib/relations/queries";
import { setSaveAction } from "@/lib/saves/actions";
import { getProfileView } from "@/lib/users/queries-profile";
import { setupActionHarness, type TestUser } from "./helpers/actions";
import { addPosts } from "./helpers/discover";
import { postCounts, userCounts } from "./helpers/social";

// Blocks and mutes on every read path, for each kind of viewer, through what the user calls: the
// actions (block, mute, like, comment, follow) and the route handlers (lists, search, feed,
// explore, tags, notifications, realtime auth); the page queries (profile, post) directly.
// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
const h = setupActionHarness();

const TAG = "blockmatrix";
const ROLES = ["stranger", "follower", "blocked", "blocker", "muted"] as const;
type Role = (typeof ROLES)[number];

/** Everything one author has that others may come across. */
type Content = { user: TestUser; post: string; comment: string };

type World = {
  ana: TestUser; // blocks ben
  ben: TestUser;
  cat: TestUser; // follows ana
  dan: TestUser; // a stranger
  mia: TestUser; // follows ana, muted her posts and comments
  tom: TestUser; // a third person both talk to
  tomPost: string;
  content: Record<"ana" | "ben", Content>;
};

type Listed = { items?: { id: string }[]; users?: { id: string }[] };
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Listed });
const get = (path: string) => new NextRequest(`http://localhost:3000${path}`);
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

async function expectOk(out: { kind: string }, what: string) {
  expect(out.kind, `${what}: ${JSON.stringify(out)}`).toBe("ok");
}

async function follow(who: TestUser, whom: TestUser) {
  await h.signInAs(who);
  await expectOk(await h.call(setFollowAction, { userId: whom.id, follow: true }), "follow");
}

async function buildWorld(): Promise<World> {
  const [ana, ben, cat, dan, mia, tom] = [
    await h.user(),
    await h.user(),
    await h.user(),
    await h.user(),
    await h.user(),
    await h.user(),
  ];
  const [tomPost] = await addPosts(h.db(), [{ author: tom.id, at: new Date() }]);
  if (!tomPost) throw new Error("no post");
  const content = {} as World["content"];
  for (const [key, user] of [
    ["ana", ana],
    ["ben", ben],
  ] as const) {
    const [post] = await addPosts(h.db(), [
      { author: user.id, caption: `#${TAG}`, at: new Date(), likes: 0 },
    ]);
    if (!post) throw new Error("no post");
    await h.signInAs(user);
    await expectOk(await h.call(setLikeAction, { postId: tomPost, liked: true }), "like");
    const added = await h.call(addCommentAction, { postId: tomPost, body: `hi from ${key}` });
    await expectOk(added, "comment");
    const comment = (added as { data: { comment: { id: string } } }).data.comment.id;
    content[key] = { user, post, comment };
    await follow(user, tom);
    await follow(tom, user);
  }
  await follow(cat, ana);
  await follow(mia, ana);
  await h.signInAs(mia);
  await expectOk(
    await h.call(setMuteAction, { userId: ana.id, posts: true, comments: true }),
    "mute",
  );
  // Before the block: ana and ben follow each other, ben likes and comments on ana's post.
  await follow(ana, ben);
  await follow(ben, ana);
  await h.signInAs(ben);
  await expectOk(await h.call(setLikeAction, { postId: content.ana.post, liked: true }), "like");
  await expectOk(
    await h.call(addCommentAction, { postId: content.ana.post, body: `nice @${ana.username}` }),
    "comment",
  );
  await h.signInAs(ana);
  await expectOk(await h.call(setBlockAction, { userId: ben.id, blocked: true }), "block");
  return { ana, ben, cat, dan, mia, tom, tomPost, content };
}

/** The viewer and whose content they look for, per role. */
function pair(w: World, role: Role): { viewer: TestUser; author: Content } {
  switch (role) {
    case "stranger":
      return { viewer: w.dan, author: w.content.ana };
    case "follower":
      return { viewer: w.cat, author: w.content.ana };
    case "blocked":
      return { viewer: w.ben, author: w.content.ana };
    case "blocker":
      return { viewer: w.ana, author: w.content.ben };
    case "muted":
      return { viewer: w.mia, author: w.content.ana };
  }
}

/** Every row but the sessions signing in writes: equal before and after = nothing written. */
async function rowsBesidesSessions() {
  const all = JSON.parse(await h.snapshot()) as Record<string, unknown>;
  delete all.sessions;
  return all;
}

type Probe = (w: World, viewer: TestUser, author: Content) => Promise<boolean>;

const ids = (items: { id: string }[] = []) => items.map((i) => i.id);

/** Each read path: does the viewer come across the author (or their post, comment, like)? */
const paths: Record<string, Probe> = {
  "profile page query": async (_w, viewer, a) =>
    (await getProfileView(h.db(), a.user.username, viewer.id)) !== null,
  "profile grid route": async (_w, _v, a) => {
    const res = await json(await gridRoute(get("/x"), params({ username: a.user.username })));
    return res.status === 200 && ids(res.body.items).includes(a.post);
  },
  "post page query": async (_w, viewer, a) =>
    (await getPostView(h.db(), a.post, viewer.id, h.storage)) !== null,
  "comments list route": async (w, _v, a) => {
    const res = await json(await commentsRoute(get("/x"), params({ id: w.tomPost })));
    return ids(res.body.items).includes(a.comment);
  },
  // What a page open on tom's post fetches when a live comment.added (ids only) arrives.
  "live comment route": async (w, _v, a) => {
    const res = await commentRoute(get("/x"), params({ id: w.tomPost, commentId: a.comment }));
    return res.status === 200 && ((await res.json()) as { id: string }).id === a.comment;
  },
  "likes list route": async (w, _v, a) => {
    const res = await json(await likesRoute(get("/x"), params({ id: w.tomPost })));
    return ids(res.body.items).includes(a.user.id);
  },
  "followers list route": async (w, _v, a) => {
    const res = await json(await followersRoute(get("/x"), params({ username: w.tom.username })));
    return ids(res.body.items).includes(a.user.id);
  },
  "following list route": async (w, _v, a) => {
    const res = await json(await followingRoute(get("/x"), params({ username: w.tom.username })));
    return ids(res.body.items).includes(a.user.id);
  },
  "search route": async (_w, _v, a) => {
    const res = await json(await searchRoute(get(`/api/search?q=${a.user.username}`)));
    return ids(res.body.users).includes(a.user.id);
  },
  suggestions: async (_w, viewer, a) =>
    ids(await suggestedPeople(h.db(), { viewerId: viewer.id, limit: 30 }, h.storage)).includes(
      a.user.id,
    ),
  "explore route": async (_w, _v, a) => {
    const res = await json(await exploreRoute(get("/api/explore")));
    return ids(res.body.items).includes(a.post);
  },
  "tag page route": async (_w, _v, a) => {
    const res = await json(await tagRoute(get("/x"), params({ tag: TAG })));
    return ids(res.body.items).includes(a.post);
  },
  "feed route": async (_w, _v, a) => {
    const res = await json(await feedRoute(get("/api/feed")));
    return ids(res.body.items).includes(a.post);
  },
  "notifications route": async (_w, viewer, a) => {
    // A notification from the author (as if written before the block): listed only when allowed.
    const id = uuidv7();
    await h
      .db()
      .insert(notifications)
      .values({ id, recipientId: viewer.id, actorId: a.user.id, kind: "follow" });
    const res = await json(await notificationsRoute(get("/api/notifications")));
    return ids(res.body.items).includes(id);
  },
  "realtime auth of the post's channel": async (_w, _v, a) => {
    const body = new URLSearchParams({ socket_id: "123.456", channel_name: postChannel(a.post) });
    const res = await realtimeAuth(
      new Request("http://localhost:3000/api/realtime/auth", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: body.toString(),
      }),
    );
    return res.status === 200;
  },
};

// What each role sees of the author. The blocker still sees the blocked account's header (with
// Unblock), nothing else; the muted author's posts leave the feed and her comments the muter's
// view, nothing else changes. Followers don't get followed accounts suggested nor in Explore.
const Y = true;
const N = false;
const expected: Record<string, Record<Role, boolean>> = {
  "profile page query": { stranger: Y, follower: Y, blocked: N, blocker: Y, muted: Y },
  "profile grid route": { stranger: Y, follower: Y, blocked: N, blocker: N, muted: Y },
  "post page query": { stranger: Y, follower: Y, blocked: N, blocker: N, muted: Y },
  "comments list route": { stranger: Y, follower: Y, blocked: N, blocker: N, muted: N },
  "live comment route": { stranger: Y, follower: Y, blocked: N, blocker: N, muted: N },
  "likes list route": { stranger: Y, follower: Y, blocked: N, blocker: N, muted: Y },
  "followers list route": { stranger: Y, follower: Y, blocked: N, blocker: N, muted: Y },
  "following list route": { stranger: Y, follower: Y, blocked: N, blocker: N, muted: Y },
  "search route": { stranger: Y, follower: Y, blocked: N, blocker: N, muted: Y },
  suggestions: { stranger: Y, follower: N, blocked: N, blocker: N, muted: N },
  "explore route": { stranger: Y, follower: N, blocked: N, blocker: N, muted: N },
  "tag page route": { stranger: Y, follower: Y, blocked: N, blocker: N, muted: Y },
  "feed route": { stranger: N, follower: Y, blocked: N, blocker: N, muted: N },
  "notifications route": { stranger: Y, follower: Y, blocked: N, blocker: N, muted: Y },
  "realtime auth of the post's channel": {
    stranger: Y,
    follower: Y,
    blocked: N,
    blocker: N,
    muted: Y,
  },
};

describe("a block and a mute on every read path", () => {
  it("answers each path for each role as Instagram does", async () => {
    const w = await buildWorld();
    const got: Record<string, Record<string, boolean>> = {};
    for (const role of ROLES) {
      const { viewer, author } = pair(w, role);
      await h.signInAs(viewer);
      for (const [name, probe] of Object.entries(paths)) {
        got[name] ??= {};
        (got[name] as Record<string, boolean>)[role] = await probe(w, viewer, author);
      }
    }
    expect(got).toEqual(expected);
  });
});

describe("blocking", () => {
  let w: World;
  beforeEach(async () => {
    w = await buildWorld();
  });

  it("makes both people's open pages authorise their channels again, and nobody else's", async () => {
    const sent: OutgoingEvent[] = [];
    const realtime = (globalThis as { __realtime?: { publisher: Publisher } }).__realtime;
    if (!realtime) throw new Error("the harness installs realtime");
    const before = realtime.publisher;
    realtime.publisher = {
      publish: async (channel, event, payload) => void sent.push({ channel, event, payload }),
      publishMany: async (list) => void sent.push(...list),
    };
    try {
      const { ana, cat } = w;
      await h.runAfterTasks(); // buildWorld's own block
      sent.length = 0;
      await h.signInAs(cat);
      await expectOk(await h.call(setBlockAction, { userId: ana.id, blocked: true }), "block");
      await h.runAfterTasks();
      const told = sent.filter((e) => e.event === "channels.reauthorize").map((e) => e.channel);
      expect(told.sort()).toEqual([userChannel(ana.id), userChannel(cat.id)].sort());
      // Unblocking takes no right away: nothing to authorise again.
      sent.length = 0;
      await expectOk(await h.call(setBlockAction, { userId: ana.id, blocked: false }), "unblock");
      await h.runAfterTasks();
      expect(sent.filter((e) => e.event === "channels.reauthorize")).toEqual([]);
    } finally {
      realtime.publisher = before;
    }
  });

  it("removed the follows both ways with exact counters, and ben's like and comment on ana's post", async () => {
    const { ana, ben } = w;
    const rows = await h
      .db()
      .select()
      .from(follows)
      .where(and(eq(follows.followerId, ana.id), eq(follows.followeeId, ben.id)));
    expect(rows).toHaveLength(0);
    // ana: followed by tom, cat, mia (ben gone); follows tom (ben gone).
    expect(await userCounts(h.db(), ana.id)).toEqual({ followerCount: 3, followingCount: 1 });
    // ben: followed by tom; follows tom.
    expect(await userCounts(h.db(), ben.id)).toEqual({ followerCount: 1, followingCount: 1 });
    expect(await postCounts(h.db(), w.content.ana.post)).toEqual({ likeCount: 0, commentCount: 0 });
    const left = await h
      .db()
      .select()
      .from(comments)
      .where(eq(comments.postId, w.content.ana.post));
    expect(left).toHaveLength(0);
    // ben's like and comment on tom's post stay (only ana's posts are cleaned), counted.
    expect(await postCounts(h.db(), w.tomPost)).toEqual({ likeCount: 2, commentCount: 2 });
    // Nothing either caused the other is left in the notifications.
    const between = await h
      .db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, ana.id), eq(notifications.actorId, ben.id)));
    expect(between).toHaveLength(0);
  });

  it("refuses likes, comments, saves and follows across it either way as if nothing were there", async () => {
    const { ana, ben } = w;
    const before = await rowsBesidesSessions();
    for (const [who, other] of [
      [ben, w.content.ana],
      [ana, w.content.ben],
    ] as const) {
      await h.signInAs(who);
      const like = await h.call(setLikeAction, { postId: other.post, liked: true });
      expect(like).toMatchObject({ kind: "fail", code: "NOT_FOUND" });
      const comment = await h.call(addCommentAction, { postId: other.post, body: "hello" });
      expect(comment).toMatchObject({ kind: "fail", code: "NOT_FOUND" });
      const save = await h.call(setSaveAction, { postId: other.post, saved: true });
      expect(save).toMatchObject({ kind: "fail", code: "NOT_FOUND" });
      const followed = await h.call(setFollowAction, { userId: other.user.id, follow: true });
      expect(followed).toMatchObject({
        kind: "fail",
        code: "NOT_FOUND",
        message: "This account doesn't exist.",
      });
    }
    expect(await rowsBesidesSessions()).toEqual(before);
  });

  it("creates no notification across it: a mention of the blocker notifies nobody", async () => {
    const { ben, ana } = w;
    await h.signInAs(ben);
    const out = await h.call(addCommentAction, {
      postId: w.tomPost,
      body: `look @${ana.username}`,
    });
    await expectOk(out, "comment");
    const told = await h
      .db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, ana.id), eq(notifications.actorId, ben.id)));
    expect(told).toHaveLength(0);
  });

  it("is listed in Settings and undone by Unblock, after which follows work again", async () => {
    const { ana, ben } = w;
    expect(ids(await listBlockedAccounts(h.db(), ana.id, h.storage))).toEqual([ben.id]);
    await h.signInAs(ana);
    await expectOk(await h.call(setBlockAction, { userId: ben.id, blocked: false }), "unblock");
    expect(await listBlockedAccounts(h.db(), ana.id, h.storage)).toEqual([]);
    expect(await getProfileView(h.db(), ana.username, ben.id)).not.toBeNull();
    // Instagram does not bring back likes and comments a block removed.
    expect(await postCounts(h.db(), w.content.ana.post)).toEqual({ likeCount: 0, commentCount: 0 });
    await follow(ben, ana);
    expect(await userCounts(h.db(), ana.id)).toMatchObject({ followerCount: 4 });
  });

  it("drops a pending follow request to a private account, and refuses a new one either way", async () => {
    const { ana, dan } = w;
    await h.signInAs(dan);
    await expectOk(await h.call(setPrivateAccountAction, { isPrivate: true }), "go private");
    await h.signInAs(ana);
    await expectOk(await h.call(setFollowAction, { userId: dan.id, follow: true }), "request");
    const pending = () =>
      h.db().select().from(followRequests).where(eq(followRequests.targetId, dan.id));
    expect(await pending()).toHaveLength(1);
    await h.signInAs(dan);
    await expectOk(await h.call(setBlockAction, { userId: ana.id, blocked: true }), "block");
    expect(await pending()).toHaveLength(0);
    await h.signInAs(ana);
    const again = await h.call(setFollowAction, { userId: dan.id, follow: true });
    expect(again).toMatchObject({ kind: "fail", code: "NOT_FOUND" });
    expect(await pending()).toHaveLength(0);
  });

  it("moves comment_count only by the counted comments it deletes (not one awaiting approval)", async () => {
    const { tom, dan } = w;
    await h.signInAs(dan);
    await expectOk(await h.call(addCommentAction, { postId: w.tomPost, body: "first" }), "c1");
    await h.signInAs(tom);
    await expectOk(await h.call(setRestrictAction, { userId: dan.id, restricted: true }), "r");
    await h.signInAs(dan);
    await expectOk(await h.call(addCommentAction, { postId: w.tomPost, body: "pending" }), "c2");
    const before = (await postCounts(h.db(), w.tomPost)) ?? { likeCount: -1, commentCount: -1 };
    await h.signInAs(tom);
    await expectOk(await h.call(setBlockAction, { userId: dan.id, blocked: true }), "block");
    expect(await postCounts(h.db(), w.tomPost)).toEqual({
      ...before,
      commentCount: before.commentCount - 1,
    });
    const left = await h.db().select().from(comments).where(eq(comments.authorId, dan.id));
    expect(left).toHaveLength(0);
  });

  it("is idempotent: blocking twice moves nothing the second time", async () => {
    const { ana, ben } = w;
    await h.signInAs(ana);
    const before = await h.snapshot();
    const again = await h.call(setBlockAction, { userId: ben.id, blocked: true });
    expect(again).toEqual({ kind: "ok", data: { blocked: true } });
    expect(await h.snapshot()).toBe(before);
  });

  it("leaves the other out of feed cards' newest comments and liker", async () => {
    // ana follows tom; ben liked and commented on tom's post after ana did.
    await h.signInAs(w.ana);
    const res = await feedRoute(get("/api/feed"));
    const page = (await res.json()) as {
      items: { id: string; latestComments: { id: string }[]; latestLiker: { username: string } }[];
    };
    const card = page.items.find((p) => p.id === w.tomPost);
    expect(ids(card?.latestComments)).toEqual([w.content.ana.comment]);
    expect(card?.latestLiker).toEqual({ username: w.ana.username });
  });

  it("gives the owner of a followers list a Block button, nobody else", async () => {
    const owns = async () => {
      const res = await followersRoute(get("/x"), params({ username: w.tom.username }));
      return ((await res.json()) as { viewerOwnsList?: boolean }).viewerOwnsList;
    };
    await h.signInAs(w.tom);
    expect(await owns()).toBe(true);
    await h.signInAs(w.dan);
    expect(await owns()).toBe(false);
  });

  it("tells the blocker's profile header the block, and the muter's the mute", async () => {
    const blocked = await getProfileView(h.db(), w.ben.username, w.ana.id);
    expect(blocked).toMatchObject({ viewerBlocks: true });
    const muted = await getProfileView(h.db(), w.ana.username, w.mia.id);
    expect(muted).toMatchObject({
      viewerBlocks: false,
      viewerMutes: { posts: true, comments: true },
    });
    const plain = await getProfileView(h.db(), w.ana.username, w.dan.id);
    expect(plain).toMatchObject({
      viewerBlocks: false,
      viewerMutes: { posts: false, comments: false },
    });
  });
});

describe("blocking and comment threads", () => {
  it("takes the blocked account's threads off the blocker's posts whole, with exact counts", async () => {
    const [ana, ben, tom] = [await h.user(), await h.user(), await h.user()];
    const [postId] = await addPosts(h.db(), [{ author: ana.id, at: new Date() }]);
    if (!postId) throw new Error("no post");
    const say = async (who: TestUser, body: string, replyToId?: string) => {
      await h.signInAs(who);
      const out = await h.call(addCommentAction, {
        postId,
        body,
        ...(replyToId ? { replyToId } : {}),
      });
      await expectOk(out, body);
      return (out as { data: { comment: { id: string } } }).data.comment.id;
    };
    const bens = await say(ben, "ben's comment");
    await say(tom, "tom replies to ben", bens);
    const toms = await say(tom, "tom's comment");
    await say(ben, "ben replies to tom", toms);
    expect(await postCounts(h.db(), postId)).toMatchObject({ commentCount: 4 });
    await h.signInAs(ana);
    await expectOk(await h.call(setBlockAction, { userId: ben.id, blocked: true }), "block");
    // ben's comment goes with tom's reply under it; ben's reply leaves tom's thread.
    const left = await h.db().select().from(comments).where(eq(comments.postId, postId));
    expect(left.map((c) => c.body)).toEqual(["tom's comment"]);
    expect(left[0]?.replyCount).toBe(0);
    expect(await postCounts(h.db(), postId)).toMatchObject({ commentCount: 1 });
  });
});

describe("muting", () => {
  it("keeps the follow and tells nobody; unmuting brings the posts back to the feed", async () => {
    const w = await buildWorld();
    const { ana, mia } = w;
    const followsRow = await h
      .db()
      .select()
      .from(follows)
      .where(and(eq(follows.followerId, mia.id), eq(follows.followeeId, ana.id)));
    expect(followsRow).toHaveLength(1);
    const told = await h
      .db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, ana.id), eq(notifications.actorId, mia.id)));
    // Only the follow notification: a mute sends none.
    expect(told.map((n) => n.kind)).toEqual(["follow"]);
    expect(await listMutedAccounts(h.db(), mia.id, h.storage)).toMatchObject([
      { id: ana.id, posts: true, comments: true },
    ]);

    await h.signInAs(mia);
    const feed = async () => ids((await json(await feedRoute(get("/api/feed")))).body.items);
    expect(await feed()).not.toContain(w.content.ana.post);
    // Posts only: her comments come back, her posts stay out of the feed.
    await expectOk(
      await h.call(setMuteAction, { userId: ana.id, posts: true, comments: false }),
      "mute posts",
    );
    const list = await json(await commentsRoute(get("/x"), params({ id: w.tomPost })));
    expect(ids(list.body.items)).toContain(w.content.ana.comment);
    expect(await feed()).not.toContain(w.content.ana.post);
    await expectOk(
      await h.call(setMuteAction, { userId: ana.id, posts: false, comments: false }),
      "unmute",
    );
    expect(await feed()).toContain(w.content.ana.post);
    expect(await listMutedAccounts(h.db(), mia.id, h.storage)).toEqual([]);
  });
});

describe("block and mute actions refuse bad input, writing nothing", () => {
  it.each([
    ["self-block", setBlockAction, (me: TestUser) => ({ userId: me.id, blocked: true })],
    [
      "self-mute",
      setMuteAction,
      (me: TestUser) => ({ userId: me.id, posts: true, comments: false }),
    ],
  ] as const)("%s: VALIDATION", async (_, action, input) => {
    const me = await h.user();
    await h.signInAs(me);
    const before = await h.snapshot();
    expect(await h.call(action, input(me))).toMatchObject({ kind: "fail", code: "VALIDATION" });
    expect(await h.snapshot()).toBe(before);
  });

  it.each([
    ["block", setBlockAction, { blocked: true }],
    ["mute", setMuteAction, { posts: true, comments: true }],
  ] as const)("%s of an unknown account: NOT_FOUND", async (_, action, rest) => {
    const me = await h.user();
    await h.signInAs(me);
    const before = await h.snapshot();
    const out = await h.call(action, { userId: uuidv7(), ...rest });
    expect(out).toMatchObject({ kind: "fail", code: "NOT_FOUND" });
    expect(await h.snapshot()).toBe(before);
  });

  it.each([
    ["block", "userId", setBlockAction, { userId: "ana", blocked: true }],
    ["block", "blocked", setBlockAction, { userId: uuidv7() }],
    ["mute", "posts", setMuteAction, { userId: uuidv7(), posts: "yes", comments: false }],
    ["mute", "comments", setMuteAction, { userId: uuidv7(), posts: true }],
  ] as const)("%s with a bad %s names the field", async (_, field, action, input) => {
    const me = await h.user();
    await h.signInAs(me);
    const out = await h.call(action, input);
    expect(out).toMatchObject({ kind: "fail", code: "VALIDATION" });
    expect(Object.keys((out as { fieldErrors?: object }).fieldErrors ?? {})).toContain(field);
  });

  it("refuses a signed-out caller", async () => {
    const other = await h.user();
    h.signOut();
    for (const [action, input] of [
      [setBlockAction, { userId: other.id, blocked: true }],
      [setMuteAction, { userId: other.id, posts: true, comments: true }],
    ] as const) {
      expect(await h.call(action, input)).toMatchObject({ kind: "fail", code: "UNAUTHENTICATED" });
    }
    expect(await h.db().select().from(blocks)).toEqual([]);
  });
});
