import "./helpers/next-runtime";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as commentsRoute } from "@/app/api/posts/[id]/comments/route";
import { commentLikes, comments } from "@/db/schema";
import { addCommentAction } from "@/lib/comments/actions";
import { setCommentLikeAction, setCommentPinAction } from "@/lib/comments/actions-reactions";
import { PIN_LIMIT_MESSAGE } from "@/lib/comments/service-reactions";
import { listNotifications } from "@/lib/notifications/queries";
import { setBlockAction } from "@/lib/relations/actions";
import type { CommentView } from "@/lib/shared/post-views";
import { type Outcome, setupActionHarness, type TestUser } from "./helpers/actions";
import { insertPost } from "./helpers/social";

// Hearts on comments and the post author's pins (issue #17), through the actions the user calls.

const h = setupActionHarness();

const okData = <T>(out: Outcome): T => {
  if (out.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(out)}`);
  return out.data as T;
};

async function outcomeAs(user: TestUser, action: unknown, input: unknown) {
  await h.signInAs(user);
  return h.call(action as never, input);
}
const as = async <T>(user: TestUser, action: unknown, input: unknown) =>
  okData<T>(await outcomeAs(user, action, input));

async function commentOn(user: TestUser, postId: string, body: string, replyToId?: string) {
  const added = await as<{ comment: CommentView }>(user, addCommentAction, {
    postId,
    body,
    ...(replyToId ? { replyToId } : {}),
  });
  return added.comment.id;
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => unknown;
async function listAs(viewer: TestUser, postId: string) {
  await h.signInAs(viewer);
  const req = new NextRequest(`http://localhost:3000/api/posts/${postId}/comments`, {
    headers: h.requestHeaders(),
  });
  const res = (await (commentsRoute as Handler)(req, {
    params: Promise.resolve({ id: postId }),
  })) as Response;
  return ((await res.json()) as { items: CommentView[] }).items;
}

const likeCountOf = async (commentId: string) =>
  (await h.db().select().from(comments).where(eq(comments.id, commentId)))[0]?.likeCount;

describe("comment likes", () => {
  it("counts hearts once per person, tells the comment's author once (grouped), and takes it back", async () => {
    const [owner, ana, ben, cy] = [await h.user(), await h.user(), await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    const commentId = await commentOn(ana, postId, "Golden hour");
    expect(await as(ben, setCommentLikeAction, { commentId, liked: true })).toMatchObject({
      liked: true,
      likeCount: 1,
    });
    // Liking twice changes nothing.
    expect(await as(ben, setCommentLikeAction, { commentId, liked: true })).toMatchObject({
      likeCount: 1,
    });
    expect(await as(cy, setCommentLikeAction, { commentId, liked: true })).toMatchObject({
      likeCount: 2,
    });
    // Liking one's own comment counts, but nobody is told.
    await as(ana, setCommentLikeAction, { commentId, liked: true });
    expect(await likeCountOf(commentId)).toBe(3);

    const notes = (await listNotifications(h.db(), { userId: ana.id }))?.items ?? [];
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "comment_like", actorCount: 2, excerpt: "Golden hour" });

    const listed = await listAs(ben, postId);
    expect(listed[0]).toMatchObject({ id: commentId, likeCount: 3, viewerHasLiked: true });
    expect((await listAs(owner, postId))[0]).toMatchObject({ viewerHasLiked: false });

    expect(await as(ben, setCommentLikeAction, { commentId, liked: false })).toMatchObject({
      liked: false,
      likeCount: 2,
    });
    const after = (await listNotifications(h.db(), { userId: ana.id }))?.items ?? [];
    expect(after[0]).toMatchObject({ kind: "comment_like", actorCount: 1 });
  });

  it("refuses a heart across a block, and on a comment awaiting approval", async () => {
    const [owner, ana, ben] = [await h.user(), await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    const commentId = await commentOn(ana, postId, "hi");
    await as(ben, setBlockAction, { userId: ana.id, blocked: true });
    expect(await outcomeAs(ben, setCommentLikeAction, { commentId, liked: true })).toMatchObject({
      kind: "fail",
      code: "NOT_FOUND",
    });
    expect(await likeCountOf(commentId)).toBe(0);
    expect(await h.db().select().from(commentLikes)).toEqual([]);
  });

  it("names the field of bad input and changes nothing", async () => {
    const ana = await h.user();
    const bad = await outcomeAs(ana, setCommentLikeAction, { commentId: "nope", liked: true });
    expect(bad).toMatchObject({ kind: "fail", code: "VALIDATION" });
    expect(bad.kind === "fail" && bad.fieldErrors?.commentId).toBeTruthy();
  });
});

describe("pins", () => {
  it("lets the post's author pin up to three comments, first in the list, and unpin", async () => {
    const [owner, ana] = [await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    const ids: string[] = [];
    for (const body of ["one", "two", "three", "four", "five"]) {
      ids.push(await commentOn(ana, postId, body));
    }
    const [c1, c2, c3, c4] = ids as [string, string, string, string];
    for (const commentId of [c1, c2, c3]) {
      expect(await as(owner, setCommentPinAction, { commentId, pinned: true })).toMatchObject({
        pinned: true,
      });
    }
    const fourth = await outcomeAs(owner, setCommentPinAction, { commentId: c4, pinned: true });
    expect(fourth).toMatchObject({ kind: "fail", code: "CONFLICT", message: PIN_LIMIT_MESSAGE });

    // Pinned first (newest pin first), marked; then the rest newest first; none twice.
    const listed = await listAs(ana, postId);
    expect(listed.map((c) => c.body)).toEqual(["three", "two", "one", "five", "four"]);
    expect(listed.map((c) => Boolean(c.pinned))).toEqual([true, true, true, false, false]);

    await as(owner, setCommentPinAction, { commentId: c2, pinned: false });
    await as(owner, setCommentPinAction, { commentId: c4, pinned: true });
    expect((await listAs(ana, postId)).filter((c) => c.pinned).map((c) => c.body)).toEqual([
      "four",
      "three",
      "one",
    ]);
  });

  it("refuses anyone but the post's author, and replies", async () => {
    const [owner, ana] = [await h.user(), await h.user()];
    const postId = await insertPost(h.db(), owner.id);
    const commentId = await commentOn(ana, postId, "mine");
    expect(await outcomeAs(ana, setCommentPinAction, { commentId, pinned: true })).toMatchObject({
      kind: "fail",
      code: "FORBIDDEN",
    });
    const replyId = await commentOn(owner, postId, "thanks", commentId);
    const reply = await outcomeAs(owner, setCommentPinAction, { commentId: replyId, pinned: true });
    expect(reply).toMatchObject({ kind: "fail", code: "VALIDATION" });
    expect((await listAs(ana, postId)).some((c) => c.pinned)).toBe(false);
  });
});
