import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { notifications, posts, uploadSlots, users } from "@/db/schema";
import { addComment, deleteComment } from "@/lib/comments/service";
import { setFollow } from "@/lib/follows/service";
import { setLike } from "@/lib/likes/service";
import { listNotifications, markAllRead, unreadCount } from "@/lib/notifications/queries";
import type { NotificationView } from "@/lib/notifications/types";
import { createPost, updatePost } from "@/lib/posts/service";
import { requestUploads } from "@/lib/posts/service-uploads";
import { withTestDatabase } from "./helpers/db";
import { jpeg, tempStorage } from "./helpers/media";
import { insertPost, insertUser, insertUsers, urls } from "./helpers/social";

const database = withTestDatabase();
const storage = tempStorage();
afterAll(() => storage.remove());
const db = () => database.db;
const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));

/** Every notification row, as [kind, recipient, actor] sorted for comparison. */
async function rows() {
  const all = await db().select().from(notifications);
  return all.map((n) => [n.kind, n.recipientId, n.actorId].join(" ")).sort();
}
const row = (kind: string, recipient: string, actor: string) => [kind, recipient, actor].join(" ");

async function list(userId: string, cursor?: string | null, limit?: number) {
  const page = await listNotifications(db(), { userId, cursor, limit }, urls);
  if (!page) throw new Error("bad cursor");
  return page;
}

async function comment(userId: string, postId: string, body: string, at?: Date) {
  const result = (await addComment(db(), urls, userId, { postId, body }, at)).result;
  if (!result.ok) throw new Error(result.message);
  return result.data.comment;
}

describe("likes", () => {
  it("notifies the author once, never for one's own post, and an unlike takes it back", async () => {
    const [author, ana] = await insertUsers(db(), 2);
    if (!author || !ana) throw new Error("no users");
    const postId = await insertPost(db(), author.id);
    const first = await setLike(db(), ana.id, { postId, liked: true });
    expect(first.result).toEqual({
      ok: true,
      data: { liked: true, likeCount: 1, likeCountHidden: false },
    });
    expect(first.notified).toEqual([{ id: expect.any(String), recipientId: author.id }]);
    const again = await setLike(db(), ana.id, { postId, liked: true });
    expect(again.notified).toEqual([]);
    await setLike(db(), author.id, { postId, liked: true });
    expect(await rows()).toEqual([row("like", author.id, ana.id)]);

    // The unlike names whom to send the new count (their badge goes down live).
    const unlike = await setLike(db(), ana.id, { postId, liked: false });
    expect(unlike.unnotified).toEqual([author.id]);
    expect((await setLike(db(), ana.id, { postId, liked: false })).unnotified).toEqual([]);
    expect(await rows()).toEqual([]);
    await setLike(db(), ana.id, { postId, liked: true });
    await setLike(db(), ana.id, { postId, liked: true });
    expect(await rows()).toEqual([row("like", author.id, ana.id)]);
  });

  it("says nothing when the like is refused", async () => {
    const [author, ana] = await insertUsers(db(), 2);
    const postId = await insertPost(db(), author.id, { status: "removed" });
    const r = await setLike(db(), ana.id, { postId, liked: true });
    expect(r).toMatchObject({ result: { ok: false, code: "NOT_FOUND" }, notified: [] });
    expect(await rows()).toEqual([]);
  });
});

describe("follows", () => {
  it("notifies the followee once; unfollow takes it back; following again makes one row", async () => {
    const [ana, ben] = await insertUsers(db(), 2);
    if (!ana || !ben) throw new Error("no users");
    const r = await setFollow(db(), ana.id, { userId: ben.id, follow: true });
    expect(r.notified).toEqual([{ id: expect.any(String), recipientId: ben.id }]);
    await setFollow(db(), ana.id, { userId: ben.id, follow: true });
    expect(await rows()).toEqual([row("follow", ben.id, ana.id)]);
    const unfollow = await setFollow(db(), ana.id, { userId: ben.id, follow: false });
    expect(unfollow.unnotified).toEqual([ben.id]);
    expect(await rows()).toEqual([]);
    await setFollow(db(), ana.id, { userId: ben.id, follow: true });
    await setFollow(db(), ana.id, { userId: ben.id, follow: true });
    expect(await rows()).toEqual([row("follow", ben.id, ana.id)]);
  });
});

describe("comments and mentions", () => {
  it("tells the post's author, and each active account mentioned but self and the author", async () => {
    const [author, ana, ben] = await insertUsers(db(), 3);
    const eve = await insertUser(db(), "suspended");
    if (!author || !ana || !ben) throw new Error("no users");
    const postId = await insertPost(db(), author.id);
    const body = `hey @${author.username} @${ben.username} @${ana.username} @${eve.username} @nobody`;
    const r = await addComment(db(), urls, ana.id, { postId, body });
    expect(r.notified.map((n) => n.recipientId).sort()).toEqual([author.id, ben.id].sort());
    expect(await rows()).toEqual(
      [row("comment", author.id, ana.id), row("mention", ben.id, ana.id)].sort(),
    );
  });

  it("does not tell the author about their own comment, but tells whom they mention", async () => {
    const [author, ben] = await insertUsers(db(), 2);
    if (!author || !ben) throw new Error("no users");
    const postId = await insertPost(db(), author.id);
    await comment(author.id, postId, `thanks @${ben.username}`);
    expect(await rows()).toEqual([row("mention", ben.id, author.id)]);
    const page = await list(ben.id);
    expect(page.items).toMatchObject([
      { kind: "mention", excerpt: `thanks @${ben.username}`, post: { id: postId } },
    ]);
  });

  it("removes a deleted comment's notifications", async () => {
    const [author, ana, ben] = await insertUsers(db(), 3);
    if (!author || !ana || !ben) throw new Error("no users");
    const postId = await insertPost(db(), author.id);
    const c = await comment(ana.id, postId, `look @${ben.username}`);
    expect(await rows()).toHaveLength(2);
    expect((await deleteComment(db(), author.id, { commentId: c.id })).ok).toBe(true);
    expect(await rows()).toEqual([]);
  });

  it("notifies accounts a caption mentions, only the newly mentioned on edit", async () => {
    const [author, ana, ben] = await insertUsers(db(), 3);
    const eve = await insertUser(db(), "suspended");
    if (!author || !ana || !ben) throw new Error("no users");
    const postId = await insertPost(db(), author.id);
    const edit = (caption: string) => updatePost(db(), author.id, { postId, caption, alts: [] });
    const first = await edit(`with @${ana.username} @${author.username} @${eve.username}`);
    expect(first.notified.map((n) => n.recipientId)).toEqual([ana.id]);
    const second = await edit(`with @${ana.username} and @${ben.username}`);
    expect(second.notified.map((n) => n.recipientId)).toEqual([ben.id]);
    expect((await edit(`with @${ben.username}`)).notified).toEqual([]);
    expect(await rows()).toEqual(
      [row("mention", ana.id, author.id), row("mention", ben.id, author.id)].sort(),
    );
    const refused = await updatePost(db(), ana.id, { postId, caption: "x", alts: [] });
    expect(refused).toMatchObject({ result: { ok: false, code: "FORBIDDEN" }, notified: [] });
  });

  it("notifies accounts mentioned in a new post's caption", async () => {
    const [author, ana] = await insertUsers(db(), 2);
    if (!author || !ana) throw new Error("no users");
    const photo = await jpeg(400, 300);
    const slots = await requestUploads(db(), storage, author.id, {
      purpose: "post",
      files: [{ type: "image/jpeg", size: photo.length }],
    });
    if (!slots.ok) throw new Error(slots.message);
    const slotId = slots.data.slots[0]?.id ?? "";
    const [slot] = await db().select().from(uploadSlots).where(eq(uploadSlots.id, slotId));
    await storage.write(slot?.key ?? "", photo, "image/jpeg");
    const r = await createPost(db(), storage, author.id, {
      aspect: "1:1",
      caption: `hello @${ana.username} and @${author.username}`,
      media: [{ slotId, alt: "" }],
    });
    expect(r.result.ok).toBe(true);
    expect(r.notified.map((n) => n.recipientId)).toEqual([ana.id]);
    const [item] = (await list(ana.id)).items;
    expect(item).toMatchObject({ kind: "mention", excerpt: null, actorCount: 1 });
    expect(item?.post?.thumbnailUrl).toMatch(/^\/media\/posts\/.+-\d+\.webp$/);
  });
});

describe("listNotifications", () => {
  it("groups likes per post (newest liker first) and keeps others one item each", async () => {
    const [author, ana, ben, chloe, dev] = await insertUsers(db(), 5);
    if (!author || !ana || !ben || !chloe || !dev) throw new Error("no users");
    const p1 = await insertPost(db(), author.id);
    const p2 = await insertPost(db(), author.id);
    await setLike(db(), ben.id, { postId: p1, liked: true }, t(1));
    await setLike(db(), chloe.id, { postId: p1, liked: true }, t(2));
    await setLike(db(), dev.id, { postId: p2, liked: true }, t(3));
    await setFollow(db(), ben.id, { userId: author.id, follow: true }, t(4));
    await setLike(db(), ana.id, { postId: p1, liked: true }, t(5));
    await setFollow(db(), author.id, { userId: ben.id, follow: true }, t(6));
    await addComment(db(), urls, chloe.id, { postId: p2, body: "so\n\nnice!" }, t(7));

    const page = await list(author.id);
    const brief = (n: NotificationView) => [
      n.kind,
      n.actors.map((a) => a.username),
      n.actorCount,
      n.post?.id ?? null,
      n.createdAt,
    ];
    expect(page.items.map(brief)).toEqual([
      ["comment", [chloe.username], 1, p2, t(7).toISOString()],
      ["like", [ana.username, chloe.username], 3, p1, t(5).toISOString()],
      ["follow", [ben.username], 1, null, t(4).toISOString()],
      ["like", [dev.username], 1, p2, t(3).toISOString()],
    ]);
    expect(page.items[0]).toMatchObject({ excerpt: "so nice!", unread: true });
    expect(page.items[0]?.post?.thumbnailUrl).toBe(`/media/posts/${p2}/0-1080.webp`);
    expect(page.items[2]).toMatchObject({ viewerFollowsActor: true });
    expect(page.nextCursor).toBeNull();
    expect(await list(ben.id)).toMatchObject({
      items: [{ kind: "follow", viewerFollowsActor: true, actors: [{ id: author.id }] }],
    });
  });

  it("hides suspended actors and removed posts, and refuses a tampered cursor", async () => {
    const [author, ana, ben] = await insertUsers(db(), 3);
    if (!author || !ana || !ben) throw new Error("no users");
    const p1 = await insertPost(db(), author.id);
    const p2 = await insertPost(db(), author.id);
    await setLike(db(), ana.id, { postId: p1, liked: true }, t(1));
    await setLike(db(), ben.id, { postId: p1, liked: true }, t(2));
    await setLike(db(), ana.id, { postId: p2, liked: true }, t(3));
    await db().update(users).set({ status: "suspended" }).where(eq(users.id, ben.id));
    await db().update(posts).set({ status: "removed" }).where(eq(posts.id, p2));
    const page = await list(author.id);
    expect(page.items.map((n) => [n.actors.map((a) => a.id), n.actorCount])).toEqual([
      [[ana.id], 1],
    ]);
    expect(await unreadCount(db(), author.id)).toBe(1);
    for (const cursor of ["not a cursor", Buffer.from("12.x").toString("base64url")]) {
      expect(await listNotifications(db(), { userId: author.id, cursor }, urls)).toBeNull();
    }
  });

  it("pages over items with no duplicates or gaps, even when times tie", async () => {
    const author = await insertUser(db());
    const people = await insertUsers(db(), 12);
    const postIds = [];
    for (let i = 0; i < 6; i++) postIds.push(await insertPost(db(), author.id));
    // 6 like groups (2 likers each, one of them at a shared time) and 12 follows: 18 items.
    for (const [i, person] of people.entries()) {
      await setLike(db(), person.id, { postId: postIds[i % 6] ?? "", liked: true }, t(i % 3));
      await setFollow(db(), person.id, { userId: author.id, follow: true }, t(i % 3));
    }
    const seen: NotificationView[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(author.id, cursor, 5);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(18);
    expect(new Set(seen.map((n) => n.id)).size).toBe(18);
    expect(seen.filter((n) => n.kind === "like").map((n) => n.actorCount)).toEqual(
      Array(6).fill(2),
    );
    const keys = seen.map((n) => `${n.createdAt}|${n.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(await list(author.id, null, 60)).toMatchObject({ nextCursor: null });
  });
});

describe("unreadCount and markAllRead", () => {
  it("counts unread items as the list shows them and marks them all read", async () => {
    const [author, ana, ben] = await insertUsers(db(), 3);
    if (!author || !ana || !ben) throw new Error("no users");
    const postId = await insertPost(db(), author.id);
    expect(await unreadCount(db(), author.id)).toBe(0);
    await setLike(db(), ana.id, { postId, liked: true });
    await setLike(db(), ben.id, { postId, liked: true });
    await setFollow(db(), ana.id, { userId: author.id, follow: true });
    await comment(ben.id, postId, "wow");
    expect(await unreadCount(db(), author.id)).toBe(3);
    expect(await markAllRead(db(), author.id, t(100))).toBe(4);
    expect(await markAllRead(db(), author.id, t(101))).toBe(0);
    expect(await unreadCount(db(), author.id)).toBe(0);
    expect((await list(author.id)).items.every((n) => !n.unread)).toBe(true);
    // A new like in a read group makes the group unread again.
    await setLike(db(), ana.id, { postId, liked: false });
    await setLike(db(), ana.id, { postId, liked: true });
    expect(await unreadCount(db(), author.id)).toBe(1);
    const likes = (await list(author.id)).items.find((n) => n.kind === "like");
    expect(likes).toMatchObject({ unread: true, actorCount: 2 });
    expect(await unreadCount(db(), ana.id)).toBe(0);
  });
});
