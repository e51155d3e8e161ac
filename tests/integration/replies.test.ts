import "./helpers/next-runtime";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as repliesRoute } from "@/app/api/comments/[id]/replies/route";
import { GET as commentRoute } from "@/app/api/posts/[id]/comments/[commentId]/route";
import { GET as commentsRoute } from "@/app/api/posts/[id]/comments/route";
import { comments, posts, users } from "@/db/schema";
import { addCommentAction, deleteCommentAction } from "@/lib/comments/actions";
import { approveCommentAction, setRestrictAction } from "@/lib/comments/actions-restrict";
import { listReplies } from "@/lib/comments/queries-replies";
import { listNotifications } from "@/lib/notifications/queries";
import type { OutgoingEvent, Publisher } from "@/lib/realtime/publisher";
import { setBlockAction } from "@/lib/relations/actions";
import type { CommentView } from "@/lib/shared/post-views";
import { type Outcome, setupActionHarness, type TestUser } from "./helpers/actions";
import { insertPost } from "./helpers/social";

// Replies (issue #17), through the actions and routes the user calls: one level under a top
// comment, paged oldest first, a "reply" notification to the author of the comment replied to,
// counts (reply_count, and comment_count, which counts replies as Instagram's does) exact, gone
// with their top comment, and #15's rules (blocks, restrict, comments off) kept.

const h = setupActionHarness();

const okData = <T>(out: Outcome): T => {
  if (out.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(out)}`);
  return out.data as T;
};

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => unknown;

async function get(handler: unknown, path: string, params: Record<string, string>) {
  const req = new NextRequest(`http://localhost:3000${path}`, { headers: h.requestHeaders() });
  const res = (await (handler as Handler)(req, { params: Promise.resolve(params) })) as Response;
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function as<T>(user: TestUser, action: unknown, input: unknown) {
  await h.signInAs(user);
  return okData<T>(await h.call(action as never, input));
}

async function outcomeAs(user: TestUser, action: unknown, input: unknown) {
  await h.signInAs(user);
  return h.call(action as never, input);
}

type Added = { comment: CommentView; commentCount: number; replyCount?: number };

const comment = (user: TestUser, postId: string, body: string, replyToId?: string) =>
  as<Added>(user, addCommentAction, { postId, body, ...(replyToId ? { replyToId } : {}) });

async function repliesAs(viewer: TestUser, commentId: string, cursor?: string) {
  await h.signInAs(viewer);
  const q = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return get(repliesRoute, `/api/comments/${commentId}/replies${q}`, { id: commentId });
}

async function topCommentsAs(viewer: TestUser, postId: string) {
  await h.signInAs(viewer);
  const res = await get(commentsRoute, `/api/posts/${postId}/comments`, { id: postId });
  expect(res.status).toBe(200);
  return res.body.items as CommentView[];
}

async function counts(postId: string, commentId: string) {
  const [post] = await h.db().select().from(posts).where(eq(posts.id, postId));
  const [row] = await h.db().select().from(comments).where(eq(comments.id, commentId));
  return { commentCount: post?.commentCount, replyCount: row?.replyCount };
}

describe("replies", () => {
  it("puts a reply under its comment, a reply to a reply under the same top comment, and tells who was replied to", async () => {
    const [owner, ana, ben, cy] = [await h.user(), await h.user(), await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    const top = await comment(ana, postId, "Lovely light");
    const reply = await comment(ben, postId, `@${ana.username} agreed!`, top.comment.id);
    expect(reply.comment.parentId).toBe(top.comment.id);
    expect(reply).toMatchObject({ commentCount: 2, replyCount: 1 });
    // cy answers ben's reply: it goes under ana's comment (one level), and ben is told.
    const nested = await comment(cy, postId, `@${ben.username} same`, reply.comment.id);
    expect(nested.comment.parentId).toBe(top.comment.id);
    expect(await counts(postId, top.comment.id)).toEqual({ commentCount: 3, replyCount: 2 });

    // The top list holds the comment once, with its reply count; replies are not in it.
    const listed = await topCommentsAs(owner, postId);
    expect(listed.map((c) => c.id)).toEqual([top.comment.id]);
    expect(listed[0]?.replyCount).toBe(2);
    const res = await repliesAs(owner, top.comment.id);
    expect(res.status).toBe(200);
    expect((res.body.items as CommentView[]).map((c) => c.body)).toEqual([
      `@${ana.username} agreed!`,
      `@${ben.username} same`,
    ]);

    const kinds = async (u: TestUser) =>
      ((await listNotifications(h.db(), { userId: u.id }))?.items ?? []).map((n) => [
        n.kind,
        n.excerpt,
      ]);
    // ana: a reply (not also a mention for the same comment); ben likewise; the post's author
    // heard of ana's comment only.
    expect(await kinds(ana)).toEqual([["reply", `@${ana.username} agreed!`]]);
    expect(await kinds(ben)).toEqual([["reply", `@${ben.username} same`]]);
    expect(await kinds(owner)).toEqual([["comment", "Lovely light"]]);
  });

  it("pages replies oldest first with a keyset cursor and no repeats", async () => {
    const [owner, ana] = [await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    const top = await comment(owner, postId, "Questions?");
    const bodies = Array.from({ length: 13 }, (_, i) => `reply ${i}`);
    for (const body of bodies) await comment(ana, postId, body, top.comment.id);
    const first = await repliesAs(owner, top.comment.id);
    const firstItems = first.body.items as CommentView[];
    expect(firstItems).toHaveLength(10);
    expect(typeof first.body.nextCursor).toBe("string");
    const second = await repliesAs(owner, top.comment.id, first.body.nextCursor as string);
    const all = [...firstItems, ...(second.body.items as CommentView[])].map((c) => c.body);
    expect(all).toEqual(bodies);
    expect(second.body.nextCursor).toBeNull();
    // limit + 1: exactly a page's worth says there is no more.
    const exact = await listReplies(h.db(), {
      commentId: top.comment.id,
      viewerId: owner.id,
      limit: 13,
    });
    expect(exact?.nextCursor).toBeNull();
    expect((await repliesAs(owner, top.comment.id, "garbage")).status).toBe(400);
  });

  it("takes the replies away with their comment, and keeps the counts exact", async () => {
    const [owner, ana, ben] = [await h.user(), await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    const top = await comment(ana, postId, "first");
    const other = await comment(ben, postId, "second");
    const r1 = await comment(ben, postId, "r1", top.comment.id);
    await comment(owner, postId, "r2", top.comment.id);
    expect(await counts(postId, top.comment.id)).toEqual({ commentCount: 4, replyCount: 2 });

    // A reply goes: its top comment's reply_count and the post's count drop by one.
    const gone = await as<{ commentCount: number; replyCount: number }>(ben, deleteCommentAction, {
      commentId: r1.comment.id,
    });
    expect(gone).toMatchObject({ commentCount: 3, replyCount: 1 });

    // The top comment goes: its replies with it, from every list, and from the count.
    const deleted = await as<{ commentCount: number }>(owner, deleteCommentAction, {
      commentId: top.comment.id,
    });
    expect(deleted.commentCount).toBe(1);
    expect((await topCommentsAs(ben, postId)).map((c) => c.id)).toEqual([other.comment.id]);
    expect((await repliesAs(ben, top.comment.id)).status).toBe(404);
    expect(await rowsCount(postId)).toBe(1);
    // Replying to the deleted comment is refused, naming the field.
    const late = await outcomeAs(ben, addCommentAction, {
      postId,
      body: "late",
      replyToId: top.comment.id,
    });
    expect(late).toMatchObject({ kind: "fail", code: "NOT_FOUND" });
    expect(late.kind === "fail" && late.fieldErrors?.replyToId).toBeTruthy();
    expect((await counts(postId, other.comment.id)).commentCount).toBe(1);
  });

  it("refuses a reply across a block and hides the blocked account's replies", async () => {
    const [owner, ana, ben, cy] = [await h.user(), await h.user(), await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    const top = await comment(ana, postId, "hello");
    await comment(cy, postId, "from cy", top.comment.id);
    await as(ana, setBlockAction, { userId: ben.id, blocked: true });
    const refused = await outcomeAs(ben, addCommentAction, {
      postId,
      body: "hi",
      replyToId: top.comment.id,
    });
    expect(refused).toMatchObject({ kind: "fail", code: "NOT_FOUND" });
    expect((await counts(postId, top.comment.id)).replyCount).toBe(1);
    // cy's reply is seen by everyone; blocking cy hides it from ana.
    await as(ana, setBlockAction, { userId: cy.id, blocked: true });
    expect(((await repliesAs(ana, top.comment.id)).body.items as unknown[]).length).toBe(0);
    expect(((await repliesAs(owner, top.comment.id)).body.items as unknown[]).length).toBe(1);
  });

  it("keeps a restricted account's reply between them and the post's author, uncounted and untold", async () => {
    const [owner, ana, quiet] = [await h.user(), await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    const top = await comment(ana, postId, "hello");
    await as(owner, setRestrictAction, { userId: quiet.id, restricted: true });
    const pending = await comment(quiet, postId, "psst", top.comment.id);
    expect(pending.comment.awaitingApproval).toBe(true);
    expect(await counts(postId, top.comment.id)).toEqual({ commentCount: 1, replyCount: 0 });
    const seen = async (u: TestUser) =>
      ((await repliesAs(u, top.comment.id)).body.items as CommentView[]).map((c) => c.body);
    expect(await seen(quiet)).toEqual(["psst"]);
    expect(await seen(owner)).toEqual(["psst"]);
    expect(await seen(ana)).toEqual([]);
    expect(await listNotifications(h.db(), { userId: ana.id })).toMatchObject({ items: [] });
  });

  it("counts a restricted account's reply under its comment once approved, and tells open pages only its id", async () => {
    const [owner, ana, quiet] = [await h.user(), await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    const top = await comment(ana, postId, "hello");
    await as(owner, setRestrictAction, { userId: quiet.id, restricted: true });
    const pending = await comment(quiet, postId, "psst", top.comment.id);
    await h.runAfterTasks();
    const sent: OutgoingEvent[] = [];
    const realtime = (globalThis as { __realtime?: { publisher: Publisher } }).__realtime;
    if (!realtime) throw new Error("the harness installs realtime");
    const before = realtime.publisher;
    realtime.publisher = {
      publish: async (channel, event, payload) => void sent.push({ channel, event, payload }),
      publishMany: async (list) => void sent.push(...list),
    };
    try {
      const approved = await as<Added>(owner, approveCommentAction, {
        commentId: pending.comment.id,
      });
      expect(approved).toMatchObject({ commentCount: 2, replyCount: 1 });
      expect(await counts(postId, top.comment.id)).toEqual({ commentCount: 2, replyCount: 1 });
      await h.runAfterTasks();
      expect(sent.map((e) => [e.event, e.payload])).toEqual([
        [
          "reply.added",
          {
            postId,
            parentId: top.comment.id,
            commentId: pending.comment.id,
            commentCount: 2,
            replyCount: 1,
          },
        ],
      ]);
    } finally {
      realtime.publisher = before;
    }
    // What an open page fetches for that id: the reply, now for everyone (ana too).
    await h.signInAs(ana);
    const fetched = await get(commentRoute, "/x", { id: postId, commentId: pending.comment.id });
    expect(fetched).toMatchObject({
      status: 200,
      body: { body: "psst", parentId: top.comment.id },
    });
  });

  it("refuses replies while comments are off", async () => {
    const [owner, ana] = [await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    const top = await comment(ana, postId, "hello");
    await h.db().update(posts).set({ commentsOff: true }).where(eq(posts.id, postId));
    const refused = await outcomeAs(ana, addCommentAction, {
      postId,
      body: "more",
      replyToId: top.comment.id,
    });
    expect(refused).toMatchObject({ kind: "fail", code: "FORBIDDEN" });
    expect(((await repliesAs(ana, top.comment.id)).body.items as unknown[]).length).toBe(0);
  });

  it("shows a public post's replies signed out, and a private account's to followers only", async () => {
    const [owner, ana, stranger] = [await h.user(), await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    const top = await comment(ana, postId, "hello");
    await comment(owner, postId, "hi back", top.comment.id);
    h.signOut();
    const path = `/api/comments/${top.comment.id}/replies`;
    const open = await get(repliesRoute, path, { id: top.comment.id });
    expect((open.body.items as CommentView[]).map((c) => c.body)).toEqual(["hi back"]);
    await h.db().update(users).set({ isPrivate: true }).where(eq(users.id, owner.id));
    expect((await repliesAs(stranger, top.comment.id)).status).toBe(404);
    const refused = await outcomeAs(stranger, addCommentAction, {
      postId,
      body: "let me in",
      replyToId: top.comment.id,
    });
    expect(refused).toMatchObject({ kind: "fail", code: "NOT_FOUND" });
  });

  it("refuses a reply to a comment of another post", async () => {
    const [owner, ana] = [await h.user(), await h.user()];
    const postA = await insertPost(h.db(), owner.id);
    const postB = await insertPost(h.db(), owner.id);
    const top = await comment(ana, postA, "on A");
    const refused = await outcomeAs(ana, addCommentAction, {
      postId: postB,
      body: "x",
      replyToId: top.comment.id,
    });
    expect(refused).toMatchObject({ kind: "fail", code: "NOT_FOUND" });
  });
});

async function rowsCount(postId: string) {
  const rows = await h.db().select().from(comments).where(eq(comments.postId, postId));
  return rows.length;
}
