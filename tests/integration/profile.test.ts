import { readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { postMedia, posts, uploadSlots, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { encodeCursor } from "@/lib/pagination/cursor";
import { listProfileGrid } from "@/lib/posts/queries";
import * as uploads from "@/lib/posts/service-uploads";
import { requestUploadsSchema } from "@/lib/posts/validation";
import type { Storage } from "@/lib/storage/types";
import { getProfileView } from "@/lib/users/queries-profile";
import * as profileService from "@/lib/users/service";
import { removeAvatar, setAvatar } from "@/lib/users/service";
import { changePasswordSchema, updateProfileSchema } from "@/lib/users/validation";
import { withTestDatabase } from "./helpers/db";
import { createUser, jpeg, tempStorage } from "./helpers/media";

const database = withTestDatabase();
const storage = tempStorage();
afterAll(() => storage.remove());
beforeEach(() => storage.empty());
const db = () => database.db;

// The services take parsed input: parsed here as the actions do (bad input is refused by the
// actions: actions-profile.test.ts).
const updateProfile = (d: Db, userId: string, input: unknown) =>
  profileService.updateProfile(d, userId, updateProfileSchema.parse(input));
const changePassword = (d: Db, userId: string, input: unknown) =>
  profileService.changePassword(d, userId, changePasswordSchema.parse(input));
const requestUploads = (d: Db, s: Storage, userId: string, input: unknown) =>
  uploads.requestUploads(d, s, userId, requestUploadsSchema.parse(input));

const profile = (overrides: Record<string, string> = {}) => ({
  name: "Ana Lima",
  username: "ana.lima",
  bio: "Light chaser",
  website: "ana.example.com",
  ...overrides,
});

describe("updateProfile", () => {
  it("saves name, username, bio and website; the old username stops working", async () => {
    const ana = await createUser(db(), { username: "ana_old" });
    const result = await updateProfile(db(), ana.id, profile({ username: "Ana.Lima" }));
    expect(result).toEqual({ ok: true, data: { username: "ana.lima" } });
    const view = await getProfileView(db(), "ANA.LIMA", null, storage);
    expect(view).toMatchObject({
      name: "Ana Lima",
      bio: "Light chaser",
      website: "https://ana.example.com/",
      viewerIsSelf: false,
    });
    expect(await getProfileView(db(), "ana_old", null, storage)).toBeNull();
  });

  it("keeps HTML in a bio as plain text", async () => {
    const ana = await createUser(db());
    const bio = "<b>bold</b><script>alert(1)</script>";
    await updateProfile(db(), ana.id, profile({ bio }));
    expect((await getProfileView(db(), "ana.lima", ana.id, storage))?.bio).toBe(bio);
  });

  it("refuses a username taken in another letter case", async () => {
    await createUser(db(), { username: "taken.name" });
    const ana = await createUser(db());
    const result = await updateProfile(db(), ana.id, profile({ username: "Taken.Name" }));
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!result.ok && result.fieldErrors?.username?.[0]).toMatch(/isn't available/);
  });
});

describe("avatar", () => {
  async function avatarSlot(userId: string) {
    const photo = await jpeg(800, 600);
    const res = await requestUploads(db(), storage, userId, {
      purpose: "avatar",
      files: [{ type: "image/jpeg", size: photo.length }],
    });
    const id = res.ok ? (res.data.slots[0]?.id ?? "") : "";
    const [slot] = await db().select().from(uploadSlots).where(eq(uploadSlots.id, id));
    await storage.write(slot?.key ?? "", photo, "image/jpeg");
    return id;
  }
  const files = (dir: string) => {
    const full = path.join(storage.dir, dir);
    try {
      return readdirSync(full, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(".webp"));
    } catch {
      return [];
    }
  };

  it("sets a square avatar, replaces it without leaving the old files, and removes it", async () => {
    const ana = await createUser(db());
    const first = await setAvatar(db(), storage, ana.id, { slotId: await avatarSlot(ana.id) });
    expect(first.ok && first.data.avatarUrl).toMatch(/^\/media\/avatars\/.+-320\.webp$/);
    expect(files("avatars")).toHaveLength(2);
    const second = await setAvatar(db(), storage, ana.id, { slotId: await avatarSlot(ana.id) });
    expect(second.ok).toBe(true);
    expect(files("avatars")).toHaveLength(2);
    expect(files("uploads")).toEqual([]);
    await removeAvatar(db(), storage, ana.id);
    expect(files("avatars")).toEqual([]);
    const [row] = await db().select().from(users).where(eq(users.id, ana.id));
    expect(row?.avatarKey).toBeNull();
  });

  it("refuses a post slot or another user's slot", async () => {
    const ana = await createUser(db());
    const eve = await createUser(db());
    const slotId = await avatarSlot(ana.id);
    expect(await setAvatar(db(), storage, eve.id, { slotId })).toMatchObject({ ok: false });
    const [row] = await db().select().from(users).where(eq(users.id, eve.id));
    expect(row?.avatarKey).toBeNull();
  });
});

describe("changePassword", () => {
  it("needs the current password, then sets the new one and ends other sessions", async () => {
    const ana = await createUser(db());
    const wrong = await changePassword(db(), ana.id, {
      currentPassword: "not it at all",
      password: "a brand new secret",
      confirm: "a brand new secret",
    });
    expect(!wrong.ok && wrong.fieldErrors?.currentPassword?.[0]).toMatch(/incorrect/);
    const right = await changePassword(db(), ana.id, {
      currentPassword: "correct horse battery",
      password: "a brand new secret",
      confirm: "a brand new secret",
    });
    expect(right.ok && right.data.sessionVersion).toBe(ana.sessionVersion + 1);
    const [row] = await db().select().from(users).where(eq(users.id, ana.id));
    expect(await verifyPassword(row?.passwordHash ?? null, "a brand new secret")).toBe(true);
  });
});

describe("listProfileGrid", () => {
  async function insertPosts(authorId: string, count: number, at: (i: number) => Date) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const [post] = await db()
        .insert(posts)
        .values({ authorId, caption: `#${i}`, createdAt: at(i) })
        .returning({ id: posts.id });
      const id = post?.id ?? "";
      await db()
        .insert(postMedia)
        .values({
          postId: id,
          position: 0,
          variants: [{ key: `media/${id}/a-320.webp`, width: 320, height: 320 }],
          width: 320,
          height: 320,
          placeholder: "data:image/webp;base64,AA",
        });
      ids.push(id);
    }
    return ids;
  }

  it("walks every post once, newest first, even when many share a timestamp", async () => {
    const ana = await createUser(db());
    const base = Date.UTC(2026, 0, 1);
    // 30 posts, groups of five sharing one millisecond.
    const ids = await insertPosts(ana.id, 30, (i) => new Date(base + Math.floor(i / 5) * 1000));
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result = await listProfileGrid(
        db(),
        { userId: ana.id, viewerId: null, cursor, limit: 7 },
        storage,
      );
      seen.push(...(result?.items.map((i) => i.id) ?? []));
      cursor = result?.nextCursor ?? null;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(new Set(seen)).toEqual(new Set(ids));
    const [first] = await db()
      .select()
      .from(posts)
      .where(eq(posts.id, seen[0] ?? ""));
    expect(first?.createdAt.getTime()).toBe(base + 5000);
  });

  it("hides removed posts and refuses a tampered cursor", async () => {
    const ana = await createUser(db());
    const [gone, kept] = await insertPosts(ana.id, 2, (i) => new Date(Date.UTC(2026, 0, 1, i)));
    await db()
      .update(posts)
      .set({ status: "removed" })
      .where(eq(posts.id, gone ?? ""));
    const page = await listProfileGrid(db(), { userId: ana.id, viewerId: null }, storage);
    expect(page?.items.map((i) => i.id)).toEqual([kept]);
    for (const bad of [
      "!!",
      "bm90LWEtY3Vyc29y",
      encodeCursor({ createdAt: new Date(), id: "x" }),
    ]) {
      expect(
        await listProfileGrid(db(), { userId: ana.id, viewerId: null, cursor: bad }, storage),
      ).toBeNull();
    }
  });
});
