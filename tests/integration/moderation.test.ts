import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { follows, hashtags, moderationActions, posts, reports, users } from "@/db/schema";
import { addComment } from "@/lib/comments/service";
import { listFeedPage } from "@/lib/feed/queries";
import { countOpenTargets, listModerationLog, listReportQueue } from "@/lib/moderation/queries";
import type { Moderator } from "@/lib/moderation/service";
import * as moderation from "@/lib/moderation/service";
import { decideSchema, reportSchema } from "@/lib/moderation/validation";
import { getPostView } from "@/lib/posts/queries";
import { syncHashtags } from "@/lib/posts/tags";
import { withTestDatabase } from "./helpers/db";
import { insertPost, insertUsers, postCounts, urls } from "./helpers/social";

const database = withTestDatabase();
const db = () => database.db;

// The services take parsed input: parsed here as the actions do (bad input is refused by the
// actions: actions-moderation.test.ts).
const fileReport = (db: Db, reporterId: string, input: unknown) =>
  moderation.fileReport(db, reporterId, reportSchema.parse(input));
const decide = (db: Db, actor: Moderator, input: unknown, now?: Date) =>
  moderation.decide(db, actor, decideSchema.parse(input), now);

async function cast() {
  const [author, ana, ben, modUser, adminUser] = await insertUsers(db(), 5);
  if (!author || !ana || !ben || !modUser || !adminUser) throw new Error("no users");
  await db().update(users).set({ role: "moderator" }).where(eq(users.id, modUser.id));
  await db().update(users).set({ role: "admin" }).where(eq(users.id, adminUser.id));
  const postId = await insertPost(db(), author.id);
  await db().update(users).set({ postCount: 1 }).where(eq(users.id, author.id));
  const mod: Moderator = { id: modUser.id, role: "moderator" };
  const admin: Moderator = { id: adminUser.id, role: "admin" };
  return { author, ana, ben, mod, admin, postId };
}

const openReports = async () =>
  (await db().select().from(reports)).filter((r) => r.status === "open").length;

describe("fileReport", () => {
  it("files one open report per person and target; repeating it changes nothing", async () => {
    const { ana, postId } = await cast();
    const input = { targetType: "post", targetId: postId, reason: "spam", details: "  buy now  " };
    expect(await fileReport(db(), ana.id, input)).toEqual({
      ok: true,
      data: { alreadyReported: false },
    });
    expect(await fileReport(db(), ana.id, input)).toEqual({
      ok: true,
      data: { alreadyReported: true },
    });
    const rows = await db().select().from(reports);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reason: "spam", details: "buy now", status: "open" });
  });

  it("refuses missing or removed targets, and one's own things", async () => {
    const { author, ana, postId } = await cast();
    const missing = "0190a0a0-0000-7000-8000-000000000000";
    expect(
      await fileReport(db(), ana.id, { targetType: "post", targetId: missing, reason: "spam" }),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await fileReport(db(), author.id, { targetType: "post", targetId: postId, reason: "spam" }),
    ).toMatchObject({ code: "VALIDATION", message: "You can't report your own post." });
    expect(
      await fileReport(db(), ana.id, { targetType: "user", targetId: ana.id, reason: "spam" }),
    ).toMatchObject({ code: "VALIDATION" });
    await db().update(posts).set({ status: "removed" }).where(eq(posts.id, postId));
    expect(
      await fileReport(db(), ana.id, { targetType: "post", targetId: postId, reason: "spam" }),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await openReports()).toBe(0);
  });
});

describe("the queue", () => {
  it("groups open reports by target, longest waiting first, with a preview, and pages", async () => {
    const { author, ana, ben, postId } = await cast();
    await fileReport(db(), ana.id, { targetType: "post", targetId: postId, reason: "spam" });
    await fileReport(db(), ben.id, {
      targetType: "post",
      targetId: postId,
      reason: "hate",
      details: "slurs in the caption",
    });
    await fileReport(db(), ana.id, { targetType: "user", targetId: ben.id, reason: "harassment" });
    expect(await countOpenTargets(db())).toBe(2);
    const first = await listReportQueue(db(), { limit: 1 }, urls);
    expect(first?.items).toHaveLength(1);
    expect(first?.items[0]).toMatchObject({
      targetType: "post",
      targetId: postId,
      reportCount: 2,
      reasons: ["hate", "spam"],
      details: ["slurs in the caption"],
      target: { type: "post", author: { id: author.id, username: author.username } },
    });
    const second = await listReportQueue(db(), { limit: 1, cursor: first?.nextCursor }, urls);
    expect(second?.items.map((g) => [g.targetType, g.targetId])).toEqual([["user", ben.id]]);
    expect(second?.nextCursor).toBeNull();
    expect(await listReportQueue(db(), { cursor: "garbage" }, urls)).toBeNull();
  });
});

describe("decide", () => {
  it("lets only moderators and admins decide; nothing changes otherwise", async () => {
    const { ana, ben, postId } = await cast();
    await fileReport(db(), ben.id, { targetType: "post", targetId: postId, reason: "spam" });
    const input = { targetType: "post", targetId: postId, decision: "remove" };
    expect(await decide(db(), { id: ana.id, role: "user" }, input)).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await getPostView(db(), postId, ana.id, urls)).not.toBeNull();
    expect(await openReports()).toBe(1);
    expect(await db().select().from(moderationActions)).toEqual([]);
  });

  it("removes a post everywhere, closes its reports and writes the audit log", async () => {
    const { author, ana, ben, mod, postId } = await cast();
    await db().insert(follows).values({
      followerId: ana.id,
      followeeId: author.id,
    });
    await syncHashtags(db(), postId, "", "#sunset", new Date());
    await fileReport(db(), ana.id, { targetType: "post", targetId: postId, reason: "spam" });
    await fileReport(db(), ben.id, { targetType: "post", targetId: postId, reason: "nudity" });
    const result = await decide(db(), mod, {
      targetType: "post",
      targetId: postId,
      decision: "remove",
      note: "spam ring",
    });
    expect(result).toMatchObject({
      ok: true,
      data: { action: "remove_post", reportCount: 2, postId },
    });
    expect(await getPostView(db(), postId, ana.id, urls)).toBeNull();
    expect((await listFeedPage(db(), { viewerId: ana.id }, urls))?.items).toEqual([]);
    const [authorRow] = await db().select().from(users).where(eq(users.id, author.id));
    expect(authorRow?.postCount).toBe(0);
    // The tag no longer counts it (its page would not show it).
    const [tag] = await db().select().from(hashtags).where(eq(hashtags.tag, "sunset"));
    expect(tag?.postCount).toBe(0);
    expect(await openReports()).toBe(0);
    expect((await db().select().from(reports)).every((r) => r.resolvedBy === mod.id)).toBe(true);
    const log = await listModerationLog(db());
    expect(log?.items).toMatchObject([
      { action: "remove_post", targetId: postId, note: "spam ring", reportCount: 2 },
    ]);
    // Removing it again finds nothing to remove.
    expect(
      await decide(db(), mod, { targetType: "post", targetId: postId, decision: "remove" }),
    ).toMatchObject({ code: "NOT_FOUND" });
  });

  it("removes a comment and keeps the post's comment count exact", async () => {
    const { ana, ben, mod, postId } = await cast();
    const added = (await addComment(db(), urls, ben.id, { postId, body: "rude words" })).result;
    if (!added.ok) throw new Error(added.message);
    const commentId = added.data.comment.id;
    await fileReport(db(), ana.id, {
      targetType: "comment",
      targetId: commentId,
      reason: "harassment",
    });
    expect((await postCounts(db(), postId))?.commentCount).toBe(1);
    const result = await decide(db(), mod, {
      targetType: "comment",
      targetId: commentId,
      decision: "remove",
    });
    expect(result).toMatchObject({ ok: true, data: { action: "remove_comment", commentCount: 0 } });
    expect((await postCounts(db(), postId))?.commentCount).toBe(0);
  });

  it("removes a comment with its replies from the count, and a reply from its thread's", async () => {
    const { ana, ben, mod, postId } = await cast();
    const add = async (userId: string, body: string, replyToId?: string) => {
      const r = (await addComment(db(), urls, userId, { postId, body, replyToId })).result;
      if (!r.ok) throw new Error(r.message);
      return r.data.comment.id;
    };
    const top = await add(ben.id, "rude words");
    const reply = await add(ana.id, "agreed", top);
    await add(ben.id, "more", top);
    expect((await postCounts(db(), postId))?.commentCount).toBe(3);
    const removeReply = await decide(db(), mod, {
      targetType: "comment",
      targetId: reply,
      decision: "remove",
    });
    expect(removeReply).toMatchObject({ ok: true, data: { commentCount: 2 } });
    const removeTop = await decide(db(), mod, {
      targetType: "comment",
      targetId: top,
      decision: "remove",
    });
    expect(removeTop).toMatchObject({ ok: true, data: { commentCount: 0 } });
  });

  it("suspends an account (ending its sessions), but a moderator can't suspend a moderator", async () => {
    const { author, ana, mod, admin, postId } = await cast();
    await fileReport(db(), ana.id, { targetType: "post", targetId: postId, reason: "violence" });
    const [before] = await db().select().from(users).where(eq(users.id, author.id));
    const result = await decide(db(), mod, {
      targetType: "post",
      targetId: postId,
      decision: "suspend",
    });
    expect(result).toMatchObject({ ok: true, data: { action: "suspend_user", reportCount: 1 } });
    const [after] = await db().select().from(users).where(eq(users.id, author.id));
    expect(after?.status).toBe("suspended");
    expect(after?.sessionVersion).toBe((before?.sessionVersion ?? 0) + 1);
    // Their post is no longer shown either.
    expect(await getPostView(db(), postId, ana.id, urls)).toBeNull();

    const userInput = { targetType: "user", targetId: admin.id, decision: "suspend" };
    expect(await decide(db(), mod, userInput)).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await decide(db(), admin, { targetType: "user", targetId: mod.id, decision: "suspend" }),
    ).toMatchObject({ ok: true });
    expect(
      await decide(db(), admin, { targetType: "user", targetId: admin.id, decision: "suspend" }),
    ).toMatchObject({ code: "VALIDATION" });
  });

  it("restores a suspended account from the log; its old sessions stay ended", async () => {
    const { author, ana, mod, admin, postId } = await cast();
    await fileReport(db(), ana.id, { targetType: "post", targetId: postId, reason: "spam" });
    await decide(db(), mod, { targetType: "post", targetId: postId, decision: "suspend" });
    const [suspended] = await db().select().from(users).where(eq(users.id, author.id));
    const log = await listModerationLog(db());
    expect(log?.items[0]).toMatchObject({
      action: "suspend_user",
      subject: { id: author.id, username: author.username, suspended: true },
    });

    const restore = { targetType: "user", targetId: author.id, decision: "restore" };
    expect(await decide(db(), { id: ana.id, role: "user" }, restore)).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(
      await decide(db(), mod, { targetType: "post", targetId: postId, decision: "restore" }),
    ).toMatchObject({ code: "VALIDATION" });
    expect(await decide(db(), mod, { ...restore, note: "mistake" })).toMatchObject({
      ok: true,
      data: { action: "restore_user" },
    });
    const [back] = await db().select().from(users).where(eq(users.id, author.id));
    expect(back?.status).toBe("active");
    expect(back?.sessionVersion).toBe(suspended?.sessionVersion);
    expect(await getPostView(db(), postId, ana.id, urls)).not.toBeNull();
    const after = await listModerationLog(db());
    expect(after?.items.map((e) => [e.action, e.subject?.suspended])).toEqual([
      ["restore_user", false],
      ["suspend_user", false],
    ]);
    // Nothing to restore twice; a moderator's account is an admin's to restore.
    expect(await decide(db(), mod, restore)).toMatchObject({ code: "NOT_FOUND" });
    await decide(db(), admin, { targetType: "user", targetId: mod.id, decision: "suspend" });
    const other = (await insertUsers(db(), 1))[0];
    await db().update(users).set({ role: "moderator" }).where(eq(users.id, other.id));
    const otherMod: Moderator = { id: other.id, role: "moderator" };
    expect(
      await decide(db(), otherMod, { targetType: "user", targetId: mod.id, decision: "restore" }),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await decide(db(), admin, { targetType: "user", targetId: mod.id, decision: "restore" }),
    ).toMatchObject({ ok: true });
  });

  it("dismisses reports without touching the target; nothing to dismiss is NOT_FOUND", async () => {
    const { ana, mod, postId } = await cast();
    const input = { targetType: "post", targetId: postId, decision: "dismiss" };
    expect(await decide(db(), mod, input)).toMatchObject({ code: "NOT_FOUND" });
    await fileReport(db(), ana.id, { targetType: "post", targetId: postId, reason: "other" });
    expect(await decide(db(), mod, input)).toMatchObject({
      ok: true,
      data: { action: "dismiss", reportCount: 1 },
    });
    expect(await getPostView(db(), postId, ana.id, urls)).not.toBeNull();
    const [row] = await db().select().from(reports);
    expect(row?.status).toBe("dismissed");
    // Once dismissed, the same person may report it again.
    expect(
      await fileReport(db(), ana.id, { targetType: "post", targetId: postId, reason: "spam" }),
    ).toMatchObject({ ok: true, data: { alreadyReported: false } });
  });
});
