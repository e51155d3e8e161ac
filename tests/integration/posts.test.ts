import { readdirSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  discoverRefreshes,
  hashtags,
  postMedia,
  postMentions,
  posts,
  uploadSlots,
  users,
} from "@/db/schema";
import { runMaintenance } from "@/lib/maintenance/run";
import { getPostView, listProfileGrid } from "@/lib/posts/queries";
import * as create from "@/lib/posts/service";
import * as manage from "@/lib/posts/service";
import * as uploads from "@/lib/posts/service-uploads";
import { createPostSchema, requestUploadsSchema, updatePostSchema } from "@/lib/posts/validation";
import type { Storage } from "@/lib/storage/types";
import { gpsTags, jpegWithGps, pngHeaderClaiming } from "../fixtures/images";
import { withTestDatabase } from "./helpers/db";
import { createUser, jpeg, tempStorage } from "./helpers/media";

// Services take parsed input: these parse it as the actions do, throwing on anything the action
// would refuse (bad input is tested through the actions: actions-posts.test.ts).
const createPost = (db: Db, storage: Storage, userId: string, input: unknown, now?: Date) =>
  create.createPost(db, storage, userId, createPostSchema.parse(input), now);
const requestUploads = (
  db: Db,
  storage: Storage,
  userId: string,
  input: unknown,
  opts?: { now?: Date },
) => uploads.requestUploads(db, storage, userId, requestUploadsSchema.parse(input), opts);
const updatePost = (db: Db, userId: string, input: unknown) =>
  manage.updatePost(db, userId, updatePostSchema.parse(input));
const { deletePost } = manage;

const database = withTestDatabase();
const storage = tempStorage();
afterAll(() => storage.remove());
beforeEach(() => storage.empty());

const db = () => database.db;

/** Asks for slots and "uploads" each file as the browser would (declared type and size). */
async function upload(userId: string, files: Buffer[], type = "image/jpeg") {
  const result = await requestUploads(db(), storage, userId, {
    purpose: "post",
    files: files.map((f) => ({ type, size: f.length })),
  });
  if (!result.ok) throw new Error(result.message);
  const slots = result.data.slots;
  for (const [i, slot] of slots.entries()) {
    const [row] = await db().select().from(uploadSlots).where(eq(uploadSlots.id, slot.id));
    await storage.write(row?.key ?? "", files[i] ?? Buffer.alloc(0), type);
  }
  return slots.map((s) => s.id);
}

/** Every file under the storage folder, relative (the temp folder excluded). */
function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === ".tmp") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(storage.dir, full));
    }
  };
  walk(storage.dir);
  return out.sort();
}

const postCount = async () =>
  (await db().select({ n: sql<number>`count(*)::int` }).from(posts))[0]?.n;

describe("createPost", () => {
  it("shares two photos with variants, placeholder, tags and mentions in one go", async () => {
    const ana = await createUser(db(), { username: "ana_pics" });
    const ben = await createUser(db(), { username: "ben.k" });
    const slotIds = await upload(ana.id, [
      await jpeg(2400, 1800),
      await jpeg(1500, 2400, "#10b981"),
    ]);
    const result = (
      await createPost(db(), storage, ana.id, {
        aspect: "4:5",
        caption: "Golden hour #Sunset #sunset #lisbon with @Ben.K and @nobody",
        media: slotIds.map((slotId, i) => ({ slotId, alt: `photo ${i + 1}` })),
      })
    ).result;
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : "";

    const view = await getPostView(db(), id, ana.id, storage);
    expect(view?.media).toHaveLength(2);
    expect(view?.viewerIsAuthor).toBe(true);
    expect(view?.media.map((m) => m.alt)).toEqual(["photo 1", "photo 2"]);
    for (const m of view?.media ?? []) {
      expect(m.width / m.height).toBeCloseTo(4 / 5, 2);
      expect(m.srcSet.map((s) => s.width)).toEqual([1080, 750, 640, 320]);
      expect(m.placeholder).toMatch(/^data:image\/webp;base64,/);
    }
    // Variants are stored, originals are gone.
    const files = storedFiles();
    expect(files.filter((f) => f.startsWith("posts/"))).toHaveLength(8);
    expect(files.filter((f) => f.startsWith("uploads/"))).toEqual([]);

    const tags = await db().select().from(hashtags).orderBy(hashtags.tag);
    expect(tags.map((t) => [t.tag, t.postCount])).toEqual([
      ["lisbon", 1],
      ["sunset", 1],
    ]);
    const mentions = await db().select().from(postMentions);
    expect(mentions.map((m) => m.userId)).toEqual([ben.id]);
    const [author] = await db().select().from(users).where(eq(users.id, ana.id));
    expect(author?.postCount).toBe(1);
    const grid = await listProfileGrid(db(), { userId: ana.id, viewerId: null }, storage);
    expect(grid?.items.map((i) => [i.id, i.mediaCount])).toEqual([[id, 2]]);
    expect(grid?.items[0]?.cover.alt).toBe("photo 1");
  });

  it("strips GPS and every other EXIF field from the stored variants", async () => {
    const ana = await createUser(db());
    const original = await jpegWithGps();
    expect(gpsTags((await sharp(original).metadata()).exif).length).toBeGreaterThan(0);
    const [slotId] = await upload(ana.id, [original]);
    const result = (
      await createPost(db(), storage, ana.id, {
        aspect: "1:1",
        caption: "",
        media: [{ slotId }],
      })
    ).result;
    expect(result.ok).toBe(true);
    const [media] = await db().select().from(postMedia);
    expect(media?.variants).toHaveLength(4);
    for (const v of media?.variants ?? []) {
      const bytes = await storage.read(v.key);
      const meta = await sharp(bytes ?? Buffer.alloc(0)).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(v.width).toBe(v.height);
    }
  });

  it.each([
    [
      "a text file renamed .jpg",
      () => Buffer.from("hello, I am not a photo\n".repeat(20)),
      /isn't a photo/,
    ],
    [
      "a PNG claiming 30000x30000 pixels",
      async () => pngHeaderClaiming(30000, 30000),
      /50 megapixels/,
    ],
  ])("refuses %s, stores nothing and deletes the original", async (_, make, message) => {
    const ana = await createUser(db());
    const good = await jpeg();
    const slotIds = await upload(ana.id, [good, await make()]);
    const result = (
      await createPost(db(), storage, ana.id, {
        aspect: "1:1",
        caption: "x",
        media: slotIds.map((slotId) => ({ slotId })),
      })
    ).result;
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(!result.ok && result.fieldErrors?.["media.1"]?.[0]).toMatch(message);
    expect(await postCount()).toBe(0);
    expect(await db().select().from(postMedia)).toEqual([]);
    expect(storedFiles()).toEqual([]);
  });

  it("refuses a photo larger than its slot declared", async () => {
    const ana = await createUser(db());
    const big = await jpeg();
    const slot = await requestUploads(db(), storage, ana.id, {
      purpose: "post",
      files: [{ type: "image/jpeg", size: 1000 }],
    });
    const slotId = slot.ok ? (slot.data.slots[0]?.id ?? "") : "";
    const [row] = await db().select().from(uploadSlots).where(eq(uploadSlots.id, slotId));
    await storage.write(row?.key ?? "", big, "image/jpeg");
    const result = (await createPost(db(), storage, ana.id, { aspect: "1:1", media: [{ slotId }] }))
      .result;
    expect(!result.ok && result.fieldErrors?.["media.0"]?.[0]).toMatch(/larger than declared/);
    expect(await postCount()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it("refuses another user's slot, an expired slot and a slot used twice", async () => {
    const ana = await createUser(db());
    const eve = await createUser(db());
    const [anaSlot] = await upload(ana.id, [await jpeg()]);
    // One photo in the given upload slot, square, by `userId` (at `now`, default the real time).
    const post = async (userId: string, slotId: string | undefined, now?: Date) =>
      (await createPost(db(), storage, userId, { aspect: "1:1", media: [{ slotId }] }, now)).result;
    const stolen = await post(eve.id, anaSlot);
    expect(!stolen.ok && stolen.fieldErrors?.["media.0"]?.[0]).toMatch(/not found/);

    const first = await post(ana.id, anaSlot);
    expect(first.ok).toBe(true);
    const again = await post(ana.id, anaSlot);
    expect(!again.ok && again.fieldErrors?.["media.0"]?.[0]).toMatch(/already used/);

    const [oldSlot] = await upload(ana.id, [await jpeg()]);
    const expired = await post(ana.id, oldSlot, new Date(Date.now() + 3600_000));
    expect(!expired.ok && expired.fieldErrors?.["media.0"]?.[0]).toMatch(/expired/);
    expect(await postCount()).toBe(1);
  });

  it("keeps HTML in a caption as plain text", async () => {
    const ana = await createUser(db());
    const [slotId] = await upload(ana.id, [await jpeg()]);
    const caption = '<img src=x onerror="alert(1)"> <script>alert(1)</script> #ok';
    const result = (
      await createPost(db(), storage, ana.id, {
        aspect: "1:1",
        caption,
        media: [{ slotId }],
      })
    ).result;
    const view = await getPostView(db(), result.ok ? result.data.id : "", null, storage);
    expect(view?.caption).toBe(caption);
  });
});

describe("updatePost and deletePost", () => {
  async function shared(userId: string, caption = "#one #two") {
    const [slotId] = await upload(userId, [await jpeg()]);
    const result = (
      await createPost(db(), storage, userId, {
        aspect: "1:1",
        caption,
        media: [{ slotId }],
      })
    ).result;
    if (!result.ok) throw new Error(result.message);
    return result.data.id;
  }
  const tagCounts = async () =>
    Object.fromEntries((await db().select().from(hashtags)).map((t) => [t.tag, t.postCount]));

  it("lets the author edit caption and alt text, keeping tag counts exact", async () => {
    const ana = await createUser(db());
    const id = await shared(ana.id);
    const [media] = await db().select().from(postMedia);
    const result = (
      await updatePost(db(), ana.id, {
        postId: id,
        caption: "#two #three",
        alts: [{ mediaId: media?.id, alt: "A beach" }],
      })
    ).result;
    expect(result.ok).toBe(true);
    const view = await getPostView(db(), id, ana.id, storage);
    expect(view?.caption).toBe("#two #three");
    expect(view?.media[0]?.alt).toBe("A beach");
    expect(await tagCounts()).toEqual({ one: 0, two: 1, three: 1 });
  });

  it("refuses to edit or delete someone else's post and changes nothing", async () => {
    const ana = await createUser(db());
    const eve = await createUser(db());
    const id = await shared(ana.id, "mine");
    const edit = (await updatePost(db(), eve.id, { postId: id, caption: "hacked", alts: [] }))
      .result;
    expect(edit).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const del = await deletePost(db(), storage, eve.id, id);
    expect(del).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await getPostView(db(), id, null, storage))?.caption).toBe("mine");
    expect(storedFiles()).toHaveLength(4);
  });

  it("deletes the post's rows and stored photos, and the counts follow", async () => {
    const ana = await createUser(db());
    const id = await shared(ana.id);
    const result = await deletePost(db(), storage, ana.id, id);
    expect(result.ok).toBe(true);
    expect(await getPostView(db(), id, ana.id, storage)).toBeNull();
    expect(await db().select().from(postMedia)).toEqual([]);
    expect(storedFiles()).toEqual([]);
    expect(await tagCounts()).toEqual({ one: 0, two: 0 });
    const [author] = await db().select().from(users).where(eq(users.id, ana.id));
    expect(author?.postCount).toBe(0);
  });

  it("answers not found for a missing or removed post; only its author may still delete a removed one", async () => {
    const ana = await createUser(db());
    const bo = await createUser(db());
    const id = await shared(ana.id);
    await db().update(posts).set({ status: "removed" }).where(eq(posts.id, id));
    expect(await deletePost(db(), storage, bo.id, id)).toMatchObject({ code: "NOT_FOUND" });
    expect((await updatePost(db(), ana.id, { postId: id, caption: "x" })).result).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await deletePost(db(), storage, ana.id, "0190d4a4-7c1e-7a51-9f0b-3f2d8c1e4b5a"),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await getPostView(db(), id, ana.id, storage)).toBeNull();
    expect(await deletePost(db(), storage, ana.id, id)).toEqual({ ok: true, data: undefined });
    expect(await db().select().from(posts).where(eq(posts.id, id))).toEqual([]);
  });
});

describe("abandoned uploads", () => {
  it("are deleted, slot and original, when the user next asks for upload slots", async () => {
    const ana = await createUser(db());
    const [abandoned] = await upload(ana.id, [await jpeg()]);
    expect(storedFiles().filter((f) => f.startsWith("uploads/"))).toHaveLength(1);
    const later = new Date(Date.now() + 3 * 3600_000);
    const fresh = await requestUploads(
      db(),
      storage,
      ana.id,
      { purpose: "post", files: [{ type: "image/jpeg", size: 10 }] },
      { now: later },
    );
    expect(fresh.ok).toBe(true);
    expect(storedFiles().filter((f) => f.startsWith("uploads/"))).toEqual([]);
    const slots = await db().select().from(uploadSlots);
    expect(slots.map((s) => s.id)).not.toContain(abandoned);
    expect(slots).toHaveLength(1);
  });
});

describe("the maintenance pass", () => {
  it("deletes everyone's uploads abandoned over an hour ago and rebuilds stale rankings once", async () => {
    const [ana, ben] = [await createUser(db()), await createUser(db())];
    const [anas] = await upload(ana.id, [await jpeg()]);
    const [bens] = await upload(ben.id, [await jpeg()]);
    const soon = new Date(Date.now() + 30 * 60_000);
    // Half an hour on, nothing is old enough: slots and originals stay.
    expect((await runMaintenance(db(), storage, soon)).sweptUploads).toBe(0);
    expect(storedFiles().filter((f) => f.startsWith("uploads/"))).toHaveLength(2);

    const later = new Date(Date.now() + 3 * 3600_000);
    const [carla] = [await createUser(db())];
    const [fresh] = await upload(carla.id, [await jpeg()]);
    // The fresh slot was made "now", which is not over an hour before `later`... move it on.
    await db()
      .update(uploadSlots)
      .set({ expiresAt: new Date(later.getTime() + 600_000) })
      .where(eq(uploadSlots.id, fresh ?? ""));
    expect((await runMaintenance(db(), storage, later)).sweptUploads).toBe(2);
    const left = await db().select({ id: uploadSlots.id }).from(uploadSlots);
    expect(left.map((s) => s.id)).toEqual([fresh]);
    expect(left.map((s) => s.id)).not.toContain(anas);
    expect(left.map((s) => s.id)).not.toContain(bens);
    expect(storedFiles().filter((f) => f.startsWith("uploads/"))).toHaveLength(1);

    const built = await db().select().from(discoverRefreshes).orderBy(discoverRefreshes.name);
    expect(built.map((r) => [r.name, r.refreshedAt.getTime()])).toEqual([
      ["explore", later.getTime()],
      ["trending", later.getTime()],
    ]);
    // Five minutes on, the rankings are fresh: not rebuilt.
    await runMaintenance(db(), storage, new Date(later.getTime() + 5 * 60_000));
    const again = await db().select().from(discoverRefreshes);
    expect(again.every((r) => r.refreshedAt.getTime() === later.getTime())).toBe(true);
  });
});
