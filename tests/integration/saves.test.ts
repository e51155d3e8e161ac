import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { posts } from "@/db/schema";
import { isSaved, listSaved } from "@/lib/saves/queries";
import { setSave } from "@/lib/saves/service";
import { walkPages } from "./helpers/pages";
import { POST_NOT_FOUND, unavailablePosts, urls, withSocialDatabase } from "./helpers/social";

const { db, insertUsers, insertUser, insertPost, countRows } = withSocialDatabase();

describe("setSave", () => {
  it("saves and unsaves; repeating either changes nothing", async () => {
    const [author, ana] = await insertUsers(2);
    const postId = await insertPost(author.id);
    for (let i = 0; i < 2; i++) {
      const r = await setSave(db(), ana.id, { postId, saved: true });
      expect(r).toEqual({ ok: true, data: { saved: true } });
    }
    expect(await isSaved(db(), ana.id, postId)).toBe(true);
    expect(await countRows("saves")).toBe(1);
    for (let i = 0; i < 2; i++) {
      const r = await setSave(db(), ana.id, { postId, saved: false });
      expect(r).toEqual({ ok: true, data: { saved: false } });
    }
    expect(await isSaved(db(), ana.id, postId)).toBe(false);
    expect(await countRows("saves")).toBe(0);
  });

  it.each(unavailablePosts(db))(
    "refuses %s with NOT_FOUND and changes nothing",
    async (_, make) => {
      const [author, ana] = await insertUsers(2);
      const postId = await make(author.id);
      const result = await setSave(db(), ana.id, { postId, saved: true });
      expect(result).toEqual(POST_NOT_FOUND);
      expect(await countRows("saves")).toBe(0);
    },
  );
});

describe("listSaved", () => {
  it("walks 26 saves sharing one created_at newest first, without duplicates or gaps", async () => {
    const [author, ana] = await insertUsers(2);
    const ids: string[] = [];
    for (let i = 0; i < 26; i++) ids.push(await insertPost(author.id));
    const now = new Date("2025-03-01T12:00:00.000Z");
    for (const postId of ids) await setSave(db(), ana.id, { postId, saved: true }, now);
    const { ids: seen } = await walkPages((cursor) =>
      listSaved(db(), { userId: ana.id, cursor, limit: 6 }, urls),
    );
    expect(seen).toEqual([...ids].sort().reverse());
  });

  it("shows grid items newest saved first and leaves out removed posts", async () => {
    const [author, ana, ben] = await insertUsers(3);
    const a = author.id;
    const older = await insertPost(a, { photos: 3 });
    const newer = await insertPost(a);
    const gone = await insertPost(a);
    const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));
    // Saved in another order than posted: the list follows the save time.
    await setSave(db(), ana.id, { postId: newer, saved: true }, t(1));
    await setSave(db(), ana.id, { postId: older, saved: true }, t(2));
    await setSave(db(), ana.id, { postId: gone, saved: true }, t(3));
    await setSave(db(), ben.id, { postId: newer, saved: true }, t(4));
    await db().update(posts).set({ status: "removed" }).where(eq(posts.id, gone));
    const page = await listSaved(db(), { userId: ana.id }, urls);
    expect(page?.items.map((i) => [i.id, i.mediaCount])).toEqual([
      [older, 3],
      [newer, 1],
    ]);
    expect(page?.items[0]?.cover.src).toBe(`/media/posts/${older}/0-1080.webp`);
    expect(page?.nextCursor).toBeNull();
  });

  it("answers null for a tampered cursor", async () => {
    const ana = await insertUser();
    const bad = Buffer.from("99.not-a-uuid").toString("base64url");
    expect(await listSaved(db(), { userId: ana.id, cursor: bad }, urls)).toBeNull();
    expect(await listSaved(db(), { userId: ana.id, cursor: "a.b" }, urls)).toBeNull();
  });
});
