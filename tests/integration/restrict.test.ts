import "./helpers/next-runtime";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as feedRoute } from "@/app/api/feed/route";
import { GET as commentRoute } from "@/app/api/posts/[id]/comments/[commentId]/route";
import { GET as commentsRoute } from "@/app/api/posts/[id]/comments/route";
import { GET as restrictedRoute } from "@/app/api/users/[username]/restricted/route";
import { comments, notifications, posts, restricts } from "@/db/schema";
import { addCommentAction, deleteCommentAction } from "@/lib/comments/actions";
import { approveCommentAction, setRestrictAction } from "@/lib/comments/actions-restrict";
import { listRestricted } from "@/lib/comments/queries-restrict";
import { setFollow } from "@/lib/follows/service";
import { getPostView } from "@/lib/posts/queries";
import type { OutgoingEvent, Publisher } from "@/lib/realtime/publisher";
import type { CommentView } from "@/lib/shared/post-views";
import { type Outcome, setupActionHarness, type TestUser, unknownId } from "./helpers/actions";
import { insertPost } from "./helpers/social";

// Restrict (issue #15), through the real actions and routes: the restricted account's new
// comments on the owner's posts are seen only by that account and the owner (as pending, with
// Approve / Delete) until approved; they notify nobody, are not counted and not live; approving
// makes them public and counts them.

const h = setupActionHarness();

const events: OutgoingEvent[] = [];
const recorder: Publisher = {
  publish: async (channel, event, payload) => {
    events.push({ channel, event, payload });
  },
  publishMany: async (list) => {
    events.push(...list);
  },
};
beforeEach(() => {
  events.length = 0;
  const realtime = (globalThis as { __realtime?: { publisher: Publisher } }).__realtime;
  if (!realtime) throw new Error("the harness installs realtime in beforeAll");
  realtime.publisher = recorder;
});

const okData = <T>(out: Outcome): T => {
  if (out.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(out)}`);
  return out.data as T;
};

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => unknown;

async function get(handler: unknown, path: string, params: Record<string, string> = {}) {
  const req = new NextRequest(`http://localhost:3000${path}`, { headers: h.requestHeaders() });
  const res = (await (handler as Handler)(req, { params: Promise.resolve(params) })) as Response;
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The post's comments as `viewer` (null: signed out) gets them from the list route. */
async function commentsAs(viewer: TestUser | null, postId: string) {
  if (viewer) await h.signInAs(viewer);
  else h.signOut();
  const res = await get(commentsRoute, `/api/posts/${postId}/comments`, { id: postId });
  expect(res.status).toBe(200);
  return res.body.items as CommentView[];
}

async function as<T>(user: TestUser, action: unknown, input: unknown) {
  await h.signInAs(user);
  return okData<T>(await h.call(action as never, input));
}

async function storedCount(postId: string) {
  const [row] = await h.db().select().from(posts).where(eq(posts.id, postId));
  return row?.commentCount;
}

describe("restrict", () => {
  it("keeps a restricted account's new comment between them and the owner until approved", async () => {
    const [owner, quiet, fan] = [await h.user(), await h.user(), await h.user()];
    await setFollow(h.db(), fan.id, { userId: owner.id, follow: true });
    const postId = await insertPost(h.db(), owner.id);
    expect(await as(owner, setRestrictAction, { userId: quiet.id, restricted: true })).toEqual({
      restricted: true,
    });

    const { comment, commentCount } = await as<{ comment: CommentView; commentCount: number }>(
      quiet,
      addCommentAction,
      { postId, body: "Hmm, interesting" },
    );
    expect(comment.awaitingApproval).toBe(true);
    expect(commentCount).toBe(0);
    await h.runAfterTasks();
    // Not live, and the owner is not notified.
    expect(events).toEqual([]);
    const told = await h
      .db()
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, owner.id));
    expect(told.filter((n) => n.postId !== null)).toEqual([]);
    expect(await storedCount(postId)).toBe(0);

    // Seen by the commenter (who is not told it waits) and by the owner (pending, restricted).
    expect(await commentsAs(quiet, postId)).toMatchObject([{ id: comment.id }]);
    expect(await commentsAs(owner, postId)).toMatchObject([
      { id: comment.id, awaitingApproval: true, authorRestricted: true, viewerCanDelete: true },
    ]);
    // Nobody else: not in the list, the feed card or the count.
    expect(await commentsAs(fan, postId)).toEqual([]);
    expect(await commentsAs(null, postId)).toEqual([]);
    // Nor fetched by id (what an open page does on a live comment.added): 404 but for the two.
    const one = (viewer: TestUser) =>
      h
        .signInAs(viewer)
        .then(() =>
          get(commentRoute, "/x", { id: postId, commentId: comment.id }).then((r) => r.status),
        );
    expect([await one(quiet), await one(owner), await one(fan)]).toEqual([200, 200, 404]);
    await h.signInAs(fan);
    const feed = await get(feedRoute, "/api/feed");
    expect(JSON.stringify(feed.body)).not.toContain("Hmm, interesting");
    expect(await getPostView(h.db(), postId, fan.id, h.storage)).toMatchObject({ commentCount: 0 });

    // A comment by someone not restricted goes as always: counted, notified.
    await as(fan, addCommentAction, { postId, body: "Love it" });
    expect(await storedCount(postId)).toBe(1);

    // Approved: public, counted, live.
    await h.runAfterTasks();
    events.length = 0;
    const approved = await as<{ comment: CommentView; commentCount: number }>(
      owner,
      approveCommentAction,
      { commentId: comment.id },
    );
    expect(approved.commentCount).toBe(2);
    expect(approved.comment.awaitingApproval).toBeUndefined();
    await h.runAfterTasks();
    expect(
      events.map((e) => [e.event, (e.payload as { commentCount: number }).commentCount]),
    ).toEqual([["comment.added", 2]]);
    const seenByFan = await commentsAs(fan, postId);
    expect(seenByFan.map((c) => c.id)).toContain(comment.id);
    expect(seenByFan.find((c) => c.id === comment.id)?.awaitingApproval).toBeUndefined();
    expect(await getPostView(h.db(), postId, fan.id, h.storage)).toMatchObject({ commentCount: 2 });
  });

  it("touches only new comments on the owner's posts, and stops when unrestricted", async () => {
    const [owner, quiet, other] = [await h.user(), await h.user(), await h.user()];
    const ownerPost = await insertPost(h.db(), owner.id);
    const otherPost = await insertPost(h.db(), other.id);
    const quietPost = await insertPost(h.db(), quiet.id);
    const before = await as<{ comment: CommentView }>(quiet, addCommentAction, {
      postId: ownerPost,
      body: "Before",
    });
    await as(owner, setRestrictAction, { userId: quiet.id, restricted: true });
    // An older comment stays public; comments elsewhere are untouched.
    expect((await commentsAs(other, ownerPost)).map((c) => c.id)).toEqual([before.comment.id]);
    const elsewhere = await as<{ comment: CommentView }>(quiet, addCommentAction, {
      postId: otherPost,
      body: "Elsewhere",
    });
    expect(elsewhere.comment.awaitingApproval).toBeUndefined();
    // The owner commenting on the restricted account's post is not affected either.
    const reply = await as<{ comment: CommentView }>(owner, addCommentAction, {
      postId: quietPost,
      body: "Hi",
    });
    expect(reply.comment.awaitingApproval).toBeUndefined();

    await as(owner, setRestrictAction, { userId: quiet.id, restricted: false });
    const after = await as<{ comment: CommentView; commentCount: number }>(
      quiet,
      addCommentAction,
      { postId: ownerPost, body: "After" },
    );
    expect(after.comment.awaitingApproval).toBeUndefined();
    expect(after.commentCount).toBe(2);
  });

  it("lets the owner or the commenter delete a pending comment without moving the count", async () => {
    const [owner, quiet] = [await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    await as(owner, setRestrictAction, { userId: quiet.id, restricted: true });
    for (const deleter of [owner, quiet]) {
      const { comment } = await as<{ comment: CommentView }>(quiet, addCommentAction, {
        postId,
        body: `Pending for ${deleter.username}`,
      });
      await h.runAfterTasks();
      events.length = 0;
      expect(await as(deleter, deleteCommentAction, { commentId: comment.id })).toEqual({
        postId,
        commentCount: 0,
      });
      await h.runAfterTasks();
      expect(events).toEqual([]);
      expect(await storedCount(postId)).toBe(0);
    }
  });

  it("refuses approval to anyone but the post's author, and of a comment not awaiting it", async () => {
    const [owner, quiet, other] = [await h.user(), await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    await as(owner, setRestrictAction, { userId: quiet.id, restricted: true });
    const { comment } = await as<{ comment: CommentView }>(quiet, addCommentAction, {
      postId,
      body: "Wait for it",
    });
    const { comment: plain } = await as<{ comment: CommentView }>(other, addCommentAction, {
      postId,
      body: "Public",
    });
    const cases: [TestUser, string, string, string][] = [
      [quiet, comment.id, "FORBIDDEN", "Only the post's author can approve its comments."],
      [other, comment.id, "FORBIDDEN", "Only the post's author can approve its comments."],
      [owner, plain.id, "NOT_FOUND", "This comment isn't awaiting approval."],
      [owner, unknownId(), "NOT_FOUND", "This comment doesn't exist or was removed."],
    ];
    for (const [who, commentId, code, message] of cases) {
      await h.signInAs(who);
      const snapshot = await h.snapshot();
      expect(await h.call(approveCommentAction, { commentId })).toEqual({
        kind: "fail",
        code,
        message,
      });
      expect(await h.snapshot()).toBe(snapshot);
    }
    const [row] = await h.db().select().from(comments).where(eq(comments.id, comment.id));
    expect(row?.pendingApproval).toBe(true);
  });

  it("refuses restricting yourself, or an account that does not exist or is suspended", async () => {
    const owner = await h.user();
    const suspended = await h.user({ status: "suspended" });
    await h.signInAs(owner);
    const snapshot = await h.snapshot();
    const self = await h.call(setRestrictAction, { userId: owner.id, restricted: true });
    expect(self).toMatchObject({
      kind: "fail",
      code: "VALIDATION",
      fieldErrors: { userId: ["You can't restrict yourself."] },
    });
    for (const userId of [unknownId(), suspended.id]) {
      expect(await h.call(setRestrictAction, { userId, restricted: true })).toEqual({
        kind: "fail",
        code: "NOT_FOUND",
        message: "This account doesn't exist.",
      });
    }
    const bad = await h.call(setRestrictAction, { userId: "ana", restricted: "yes" });
    expect(bad.kind === "fail" && Object.keys(bad.fieldErrors ?? {}).sort()).toEqual([
      "restricted",
      "userId",
    ]);
    expect(await h.snapshot()).toBe(snapshot);
  });

  it("lists restricted accounts in Settings and answers the profile button's state", async () => {
    const [owner, a, b] = [await h.user(), await h.user(), await h.user()];
    await as(owner, setRestrictAction, { userId: a.id, restricted: true });
    await as(owner, setRestrictAction, { userId: b.id, restricted: true });
    // Idempotent: a second restrict keeps one row.
    await as(owner, setRestrictAction, { userId: b.id, restricted: true });
    expect(await h.db().select().from(restricts)).toHaveLength(2);
    const page = await listRestricted(h.db(), { ownerId: owner.id }, h.storage);
    expect(page?.items.map((p) => p.id)).toEqual([b.id, a.id]);

    const state = (u: TestUser) =>
      get(restrictedRoute, `/api/users/${u.username}/restricted`, { username: u.username });
    await h.signInAs(owner);
    expect(await state(a)).toEqual({ status: 200, body: { restricted: true } });
    await as(owner, setRestrictAction, { userId: a.id, restricted: false });
    expect(await state(a)).toEqual({ status: 200, body: { restricted: false } });
    // Someone else's restrictions are theirs: b sees nothing of owner's.
    await h.signInAs(b);
    expect(await state(owner)).toEqual({ status: 200, body: { restricted: false } });
    h.signOut();
    expect((await state(a)).status).toBe(401);
  });
});
