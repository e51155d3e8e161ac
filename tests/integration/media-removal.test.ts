import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { mediaJobs, postMedia, posts, users } from "@/db/schema";
import { memoryCdn } from "@/lib/cdn/types";
import { runMaintenance } from "@/lib/maintenance/run";
import { evidenceThumbnails, serveEvidence } from "@/lib/media/evidence";
import { runMediaJobs, settleMedia } from "@/lib/media/jobs";
import { isMediaServable } from "@/lib/media/visibility";
import { decide, type Moderator } from "@/lib/moderation/service";
import { deletePost } from "@/lib/posts/service";
import { avatarKeys } from "@/lib/shared/media";
import { handleLocalMedia } from "@/lib/storage/local-routes";
import type { Storage } from "@/lib/storage/types";
import { withTestDatabase } from "./helpers/db";
import { tempStorage } from "./helpers/media";
import { insertUsers } from "./helpers/social";

// Removed is not gone: after a moderator removes a post or suspends an account, its photos stop
// being served (the media route, the objects, the CDN), moderators keep the evidence, and the
// author can still delete the post.

const database = withTestDatabase();
const storage = tempStorage();
afterAll(() => storage.remove());
beforeEach(() => storage.empty());
const db = () => database.db;
const bytes = (key: string) => Buffer.from(`webp bytes of ${key}`);
const DAY = 86_400_000;

/** GET /media/<key> as the app route answers it (the route passes exactly this check). */
async function served(key: string, store: Storage = storage): Promise<number> {
  const request = new Request(`http://localhost/media/${key}`);
  const check = (k: string) => isMediaServable(db(), k);
  const response = await handleLocalMedia(request, key.split("/"), store, check);
  await response.body?.cancel();
  return response.status;
}

async function cast() {
  const [author, ana, modUser, adminUser] = await insertUsers(db(), 4);
  if (!author || !ana || !modUser || !adminUser) throw new Error("no users");
  await db().update(users).set({ role: "moderator" }).where(eq(users.id, modUser.id));
  await db().update(users).set({ role: "admin" }).where(eq(users.id, adminUser.id));
  const mod: Moderator = { id: modUser.id, role: "moderator" };
  const admin: Moderator = { id: adminUser.id, role: "admin" };
  return { author, ana, mod, admin };
}

/** A visible post with two photos of two variants each, stored; answers its id and keys. */
async function storedPost(authorId: string) {
  const id = uuidv7();
  await db().insert(posts).values({ id, authorId });
  await db().update(users).set({ postCount: 1 }).where(eq(users.id, authorId));
  const keys: string[] = [];
  for (const position of [0, 1]) {
    const mediaId = uuidv7();
    const variants = [1080, 640].map((width) => ({
      key: `posts/${id}/${mediaId}-${width}.webp`,
      width,
      height: width,
    }));
    await db().insert(postMedia).values({
      postId: id,
      position,
      variants,
      width: 1080,
      height: 1080,
      placeholder: "data:image/webp;base64,AA",
    });
    keys.push(...variants.map((v) => v.key));
  }
  for (const key of keys) await storage.write(key, bytes(key), "image/webp");
  return { id, keys };
}

async function storedAvatar(userId: string) {
  const base = `avatars/${userId}/${uuidv7()}`;
  await db().update(users).set({ avatarKey: base }).where(eq(users.id, userId));
  const keys = avatarKeys(base);
  for (const key of keys) await storage.write(key, bytes(key), "image/webp");
  return keys;
}

const statuses = (keys: string[]) => Promise.all(keys.map((k) => served(k)));
const exists = async (key: string) => (await storage.stat(key)) !== null;
const allExist = async (keys: string[]) => (await Promise.all(keys.map(exists))).every(Boolean);
const noneExist = async (keys: string[]) => !(await Promise.all(keys.map(exists))).some(Boolean);
const evidenceOf = (keys: string[]) => keys.map((k) => `evidence/${k}`);
const heldOf = (keys: string[]) => keys.map((k) => `held/${k}`);

const remove = (mod: Moderator, postId: string) =>
  decide(db(), mod, { targetType: "post", targetId: postId, decision: "remove", note: "" });

describe("a post removed by a moderator", () => {
  it("is no longer served in any variant, and its objects move to the private evidence copy", async () => {
    const { author, mod } = await cast();
    const { id, keys } = await storedPost(author.id);
    expect(await statuses(keys)).toEqual([200, 200, 200, 200]);

    expect(await remove(mod, id)).toMatchObject({ ok: true });
    // Refused at once, before any object moved: the route asks the database.
    expect(await statuses(keys)).toEqual([404, 404, 404, 404]);

    const cdn = memoryCdn();
    expect(await runMediaJobs(db(), storage, cdn)).toEqual({ done: 1, failed: 0 });
    expect(await noneExist(keys)).toBe(true);
    expect(await allExist(evidenceOf(keys))).toBe(true);
    expect(cdn.invalidated).toEqual([[`/posts/${id}/*`]]);
    expect(await db().select().from(mediaJobs)).toEqual([]);
    // The private copies are never routed publicly, whatever the database says.
    for (const key of evidenceOf(keys)) expect(await served(key)).toBe(404);
  });

  it("stays readable by moderators and admins only", async () => {
    const { author, ana, mod, admin } = await cast();
    const { id, keys } = await storedPost(author.id);
    await remove(mod, id);
    await runMediaJobs(db(), storage, memoryCdn());
    const key = keys[0] ?? "";

    for (const viewer of [mod, admin]) {
      const response = await serveEvidence(viewer, key.split("/"), storage);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes(key))).toBe(true);
    }
    const asUser = await serveEvidence({ role: ana.role }, key.split("/"), storage);
    expect(asUser.status).toBe(403);
    expect(await asUser.json()).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await serveEvidence(null, key.split("/"), storage)).status).toBe(401);
    for (const bad of [["..", "uploads", "x"], ["uploads", author.id, "x.webp"], ["x"]]) {
      expect((await serveEvidence(mod, bad, storage)).status).toBe(404);
    }
    const thumbs = await evidenceThumbnails(db(), [id]);
    expect(thumbs.get(id)).toEqual(
      keys.filter((k) => k.endsWith("-640.webp")).map((k) => `/api/moderation/evidence/${k}`),
    );
  });

  it("can still be deleted by its author; the evidence copy outlives it 90 days", async () => {
    const { author, ana, mod } = await cast();
    const { id, keys } = await storedPost(author.id);
    await remove(mod, id);
    await runMediaJobs(db(), storage, memoryCdn());

    expect(await deletePost(db(), storage, ana.id, id)).toMatchObject({ code: "NOT_FOUND" });
    const cdn = memoryCdn();
    const now = new Date();
    expect(await deletePost(db(), storage, author.id, id, cdn, now)).toEqual({
      ok: true,
      data: undefined,
    });
    expect(await db().select().from(posts).where(eq(posts.id, id))).toEqual([]);
    // Removal already took the post off its author's count: not twice.
    const [row] = await db().select().from(users).where(eq(users.id, author.id));
    expect(row?.postCount).toBe(0);
    expect(cdn.invalidated).toEqual([[`/posts/${id}/*`]]);
    expect(await allExist(evidenceOf(keys))).toBe(true);

    await runMediaJobs(db(), storage, cdn, new Date(now.getTime() + 89 * DAY));
    expect(await allExist(evidenceOf(keys))).toBe(true);
    await runMaintenance(db(), storage, new Date(now.getTime() + 91 * DAY), cdn);
    expect(await noneExist(evidenceOf(keys))).toBe(true);
    expect(await db().select().from(mediaJobs)).toEqual([]);
  });

  it("is hidden even when storage fails; maintenance finishes the move later", async () => {
    const { author, mod } = await cast();
    const { id, keys } = await storedPost(author.id);
    let failures = 1;
    const flaky: Storage = {
      ...storage,
      async move(from, to) {
        if (failures-- > 0) throw new Error("storage is down");
        return storage.move(from, to);
      },
    };
    await remove(mod, id);
    const cdn = memoryCdn();
    await settleMedia(db(), flaky, cdn);
    const [job] = await db().select().from(mediaJobs);
    expect(job).toMatchObject({ attempts: 1, lastError: expect.stringContaining("down") });
    expect(cdn.invalidated).toEqual([]);
    expect(await statuses(keys)).toEqual([404, 404, 404, 404]);

    // Not before its back-off, then done.
    expect((await runMediaJobs(db(), flaky, cdn)).done).toBe(0);
    const later = new Date(Date.now() + 5 * 60_000);
    expect((await runMaintenance(db(), flaky, later, cdn)).mediaJobs).toBe(1);
    expect(await noneExist(keys)).toBe(true);
    expect(await allExist(evidenceOf(keys))).toBe(true);
    expect(cdn.invalidated).toEqual([[`/posts/${id}/*`]]);
  });
});

describe("a suspended account", () => {
  it("has every photo and its avatar hidden; a restore brings them back", async () => {
    const { author, mod } = await cast();
    const first = await storedPost(author.id);
    const second = await storedPost(author.id);
    const removed = await storedPost(author.id);
    const avatar = await storedAvatar(author.id);
    await remove(mod, removed.id);
    await runMediaJobs(db(), storage, memoryCdn());
    const shown = [...first.keys, ...second.keys, ...avatar];
    expect((await statuses(shown)).every((s) => s === 200)).toBe(true);

    const suspend = {
      targetType: "user",
      targetId: author.id,
      decision: "suspend",
      note: "",
    } as const;
    expect(await decide(db(), mod, suspend)).toMatchObject({ ok: true });
    expect((await statuses(shown)).every((s) => s === 404)).toBe(true);

    const cdn = memoryCdn();
    await runMediaJobs(db(), storage, cdn);
    expect(await noneExist(shown)).toBe(true);
    expect(await allExist(heldOf(shown))).toBe(true);
    expect(cdn.invalidated.flat().sort()).toEqual(
      [`/posts/${first.id}/*`, `/posts/${second.id}/*`, `/avatars/${author.id}/*`].sort(),
    );
    // The removed post's evidence stays where it is.
    expect(await allExist(evidenceOf(removed.keys))).toBe(true);

    const restore = {
      targetType: "user",
      targetId: author.id,
      decision: "restore",
      note: "",
    } as const;
    expect(await decide(db(), mod, restore)).toMatchObject({ ok: true });
    await runMediaJobs(db(), storage, cdn);
    expect(await allExist(shown)).toBe(true);
    expect(await noneExist(heldOf(shown))).toBe(true);
    expect((await statuses(shown)).every((s) => s === 200)).toBe(true);
    expect(await statuses(removed.keys)).toEqual([404, 404, 404, 404]);
    expect(await allExist(evidenceOf(removed.keys))).toBe(true);
  });

  it("ends where the database says when a suspension and a restore run late together", async () => {
    const { author, mod } = await cast();
    const { keys } = await storedPost(author.id);
    const target = { targetType: "user", targetId: author.id, note: "" } as const;
    await decide(db(), mod, { ...target, decision: "suspend" });
    await decide(db(), mod, { ...target, decision: "restore" });
    expect(await runMediaJobs(db(), storage, memoryCdn())).toEqual({ done: 2, failed: 0 });
    expect(await allExist(keys)).toBe(true);
    expect(await statuses(keys)).toEqual([200, 200, 200, 200]);
  });
});

describe("the media route", () => {
  it("serves only an account's current avatar, and nothing outside posts/ and avatars/", async () => {
    const { author } = await cast();
    const avatar = await storedAvatar(author.id);
    expect(await statuses(avatar)).toEqual([200, 200]);
    const old = avatar.map((k) =>
      k.replace(/\/[^/]+-(\d+)\.webp$/, "/0190a0a0-0000-7000-8000-000000000000-$1.webp"),
    );
    for (const key of old) await storage.write(key, bytes(key), "image/webp");
    expect(await statuses(old)).toEqual([404, 404]);
    await storage.write(`held/${avatar[0]}`, bytes("x"), "image/webp");
    expect(await served(`held/${avatar[0]}`)).toBe(404);
    expect(await served("posts/not-a-uuid/a-1080.webp")).toBe(404);
  });
});

describe("the backfill migration", () => {
  it("queues what was removed or suspended before, and the jobs take it off", async () => {
    const { author, ana } = await cast();
    const shown = await storedPost(ana.id);
    const removed = await storedPost(ana.id);
    const suspendedPost = await storedPost(author.id);
    const avatar = await storedAvatar(author.id);
    await db().update(posts).set({ status: "removed" }).where(eq(posts.id, removed.id));
    await db().update(users).set({ status: "suspended" }).where(eq(users.id, author.id));

    const file = path.resolve(import.meta.dirname, "../../db/migrations/0010_media_backfill.sql");
    for (const statement of readFileSync(file, "utf8").split("--> statement-breakpoint")) {
      await db().execute(sql.raw(statement));
    }
    const cdn = memoryCdn();
    expect(await runMediaJobs(db(), storage, cdn)).toEqual({ done: 3, failed: 0 });
    expect(await allExist(shown.keys)).toBe(true);
    expect(await allExist(evidenceOf(removed.keys))).toBe(true);
    expect(await allExist(heldOf([...suspendedPost.keys, ...avatar]))).toBe(true);
    expect(await noneExist([...removed.keys, ...suspendedPost.keys, ...avatar])).toBe(true);
    expect(cdn.invalidated.flat().sort()).toEqual(
      [`/posts/${removed.id}/*`, `/posts/${suspendedPost.id}/*`, `/avatars/${author.id}/*`].sort(),
    );
  });
});
