import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commentMentions, comments, posts, users } from "@/db/schema";
import { latestCommentsFor, listComments } from "@/lib/comments/queries";
import { addComment, deleteComment } from "@/lib/comments/service";
import { addCommentSchema } from "@/lib/comments/validation";
import { walkPages } from "./helpers/pages";
import {
  MISSING_POST,
  POST_NOT_FOUND,
  unavailablePosts,
  urls,
  withSocialDatabase,
} from "./helpers/social";

const { db, insertUsers, insertUser, insertPost, postCounts, countRows } = withSocialDatabase();
const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));

// Services take parsed input: parsed here as addCommentAction does (bad input: actions-social.test.ts).
const parsed = (postId: string, body: string) => addCommentSchema.parse({ postId, body });

async function comment(userId: string, postId: string, body: string, at?: Date) {
  const result = (await addComment(db(), urls, userId, parsed(postId, body), at)).result;
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe("addComment", () => {
  it("adds a trimmed comment, stores mentions of active accounts, and counts it", async () => {
    const [author, ana, ben] = await insertUsers(3);
    const eve = await insertUser("suspended");
    const postId = await insertPost(author.id);
    const body = `  Nice one @${ben?.username.toUpperCase()} @${ana?.username} @${eve.username} @nobody  `;
    const result = (await addComment(db(), urls, ana.id, parsed(postId, body), t(1))).result;
    expect(result).toMatchObject({
      ok: true,
      data: {
        commentCount: 1,
        comment: {
          postId,
          body: body.trim(),
          createdAt: t(1).toISOString(),
          viewerCanDelete: true,
          author: { id: ana?.id, username: ana?.username, name: ana?.name, avatarUrl: null },
        },
      },
    });
    const mentions = await db().select().from(commentMentions);
    expect(mentions.map((m) => m.userId)).toEqual([ben?.id]);
    await comment(ben.id, postId, "second");
    expect((await postCounts(postId))?.commentCount).toBe(2);
  });

  it("accepts exactly 2200 characters after trimming", async () => {
    const [author, ana] = await insertUsers(2);
    const postId = await insertPost(author.id);
    const data = await comment(ana.id, postId, ` ${"y".repeat(2200)} `);
    expect(data.comment.body).toHaveLength(2200);
  });

  it.each(unavailablePosts(db))(
    "refuses commenting on %s with NOT_FOUND and changes nothing",
    async (_, make) => {
      const [author, ana] = await insertUsers(2);
      const postId = await make(author.id);
      const result = (await addComment(db(), urls, ana.id, parsed(postId, "hello"))).result;
      expect(result).toEqual(POST_NOT_FOUND);
      expect(await countRows("comments")).toBe(0);
    },
  );
});

describe("deleteComment", () => {
  it("lets the comment's author delete it for good; the count follows", async () => {
    const [author, ana] = await insertUsers(2);
    const postId = await insertPost(author.id);
    const first = await comment(ana.id, postId, "hi @someone");
    await comment(ana.id, postId, "again");
    const result = await deleteComment(db(), ana.id, { commentId: first.comment.id });
    expect(result).toEqual({
      ok: true,
      data: { commentCount: 1, postId, commentsOff: false, awaitingApproval: false },
    });
    expect(await countRows("comments")).toBe(1);
    const again = await deleteComment(db(), ana.id, { commentId: first.comment.id });
    expect(again).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await postCounts(postId))?.commentCount).toBe(1);
  });

  it("lets the post's author delete a comment on their post", async () => {
    const [author, ana] = await insertUsers(2);
    const postId = await insertPost(author.id);
    const data = await comment(ana.id, postId, "rude");
    const result = await deleteComment(db(), author.id, { commentId: data.comment.id });
    expect(result).toEqual({
      ok: true,
      data: { commentCount: 0, postId, commentsOff: false, awaitingApproval: false },
    });
    expect(await countRows("comments")).toBe(0);
  });

  it("refuses anyone else with FORBIDDEN and changes nothing", async () => {
    const [author, ana, eve] = await insertUsers(3);
    const postId = await insertPost(author.id);
    const data = await comment(ana.id, postId, "mine");
    const result = await deleteComment(db(), eve.id, { commentId: data.comment.id });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await countRows("comments")).toBe(1);
    expect((await postCounts(postId))?.commentCount).toBe(1);
  });

  it("answers NOT_FOUND for a missing or moderator-removed comment", async () => {
    const [author, ana] = await insertUsers(2);
    const postId = await insertPost(author.id);
    const data = await comment(ana.id, postId, "bad");
    // A moderator's removal (a later issue) hides the comment and takes it out of the count.
    await db().update(comments).set({ status: "removed" }).where(eq(comments.id, data.comment.id));
    await db().update(posts).set({ commentCount: 0 }).where(eq(posts.id, postId));
    for (const commentId of [MISSING_POST, data.comment.id]) {
      const result = await deleteComment(db(), ana.id, { commentId });
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await countRows("comments")).toBe(1);
    expect((await postCounts(postId))?.commentCount).toBe(0);
  });
});

describe("listComments", () => {
  it("walks 27 comments sharing one created_at without duplicates or gaps", async () => {
    const [author, ana] = await insertUsers(2);
    const postId = await insertPost(author.id);
    const ids: string[] = [];
    for (let i = 0; i < 27; i++)
      ids.push((await comment(ana.id, postId, `c${i}`, t(5))).comment.id);
    const { ids: seen } = await walkPages((cursor) =>
      listComments(db(), { postId, viewerId: null, cursor, limit: 8 }, urls),
    );
    expect(seen).toEqual([...ids].sort().reverse());
  });

  it("shows only visible comments by active accounts, with who may delete them", async () => {
    const [author, ana, ben, viewer] = await insertUsers(4);
    const postId = await insertPost(author.id);
    const a = await comment(ana.id, postId, "by ana", t(1));
    const b = await comment(ben.id, postId, "by ben", t(2));
    const hidden = await comment(ben.id, postId, "removed", t(3));
    await db()
      .update(comments)
      .set({ status: "removed" })
      .where(eq(comments.id, hidden.comment.id));
    const v = await comment(viewer.id, postId, "by viewer", t(4));
    const asViewer = await listComments(db(), { postId, viewerId: viewer?.id ?? null }, urls);
    expect(asViewer?.items.map((c) => [c.id, c.viewerCanDelete])).toEqual([
      [v.comment.id, true],
      [b.comment.id, false],
      [a.comment.id, false],
    ]);
    const asAuthor = await listComments(db(), { postId, viewerId: author?.id ?? null }, urls);
    expect(asAuthor?.items.every((c) => c.viewerCanDelete)).toBe(true);
    const signedOut = await listComments(db(), { postId, viewerId: null }, urls);
    expect(signedOut?.items.some((c) => c.viewerCanDelete)).toBe(false);

    await db().update(users).set({ status: "suspended" }).where(eq(users.id, ben.id));
    const after = await listComments(db(), { postId, viewerId: null }, urls);
    expect(after?.items.map((c) => c.body)).toEqual(["by viewer", "by ana"]);
    await db().update(posts).set({ status: "removed" }).where(eq(posts.id, postId));
    expect(await listComments(db(), { postId, viewerId: null }, urls)).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it("answers null for a tampered cursor", async () => {
    const author = await insertUser();
    const postId = await insertPost(author.id);
    const bad = Buffer.from(`1700000000000.${MISSING_POST}x`).toString("base64url");
    for (const cursor of [bad, "!!", "A".repeat(500)]) {
      expect(await listComments(db(), { postId, viewerId: null, cursor }, urls)).toBeNull();
    }
  });
});

describe("latestCommentsFor", () => {
  it("gives the two newest visible comments of each post, oldest first, in one call", async () => {
    const [author, ana] = await insertUsers(2);
    const p1 = await insertPost(author.id);
    const p2 = await insertPost(author.id);
    const p3 = await insertPost(author.id);
    for (let i = 1; i <= 4; i++) await comment(ana.id, p1, `p1 #${i}`, t(i));
    await comment(ana.id, p2, "p2 only", t(9));
    const removed = await comment(ana.id, p1, "p1 removed", t(10));
    await db()
      .update(comments)
      .set({ status: "removed" })
      .where(eq(comments.id, removed.comment.id));
    const latest = await latestCommentsFor(db(), [p1, p2, p3], author?.id ?? null, 2, urls);
    expect(latest.get(p1)?.map((c) => c.body)).toEqual(["p1 #3", "p1 #4"]);
    expect(latest.get(p2)?.map((c) => [c.body, c.viewerCanDelete])).toEqual([["p2 only", true]]);
    expect(latest.has(p3)).toBe(false);
    const three = await latestCommentsFor(db(), [p1], null, 3, urls);
    expect(three.get(p1)?.map((c) => c.body)).toEqual(["p1 #2", "p1 #3", "p1 #4"]);
    expect((await latestCommentsFor(db(), [], null)).size).toBe(0);
  });
});
