import "./helpers/next-runtime";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { GET } from "@/app/api/data-exports/[id]/route";
import { comments, dataExports, follows, likes, postMedia, posts, saves, users } from "@/db/schema";
import { requestDataExportAction } from "@/lib/data-export/actions";
import { downloadResponse } from "@/lib/data-export/download";
import { dataExportView } from "@/lib/data-export/queries";
import { runDataExports } from "@/lib/data-export/service";
import { runMaintenance } from "@/lib/maintenance/run";
import type { Storage } from "@/lib/storage/types";
import { runActionCases } from "./helpers/action-cases";
import { setupActionHarness, type TestUser } from "./helpers/actions";
import { dataExportCases } from "./helpers/cases/data-export";
import { insertPost } from "./helpers/social";

// "Download your information" end to end through what the owner calls: the request action, the
// build after the response (or by maintenance), the mailed link, the download route, and the
// archive itself, unzipped and checked file by file.
const h = setupActionHarness();
const DAY = 86_400_000;
const APP_URL = "http://localhost:3000";

describe("requestDataExportAction (who may call it)", () => {
  runActionCases(h, dataExportCases);
});

/** Every entry of a zip, by name. */
function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err);
      const out = new Map<string, Buffer>();
      file.on("error", reject);
      file.on("end", () => resolve(out));
      file.on("entry", (entry: yauzl.Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  });
}

const json = (files: Map<string, Buffer>, name: string) => {
  const file = files.get(name);
  if (!file) throw new Error(`${name} is not in the archive`);
  return JSON.parse(file.toString("utf8"));
};

const download = (id: string) =>
  GET(new Request(`${APP_URL}/api/data-exports/${id}`), { params: Promise.resolve({ id }) });

/** Distinct bytes for each stored object, so a wrong photo cannot pass for the right one. */
const bytesOf = (key: string) =>
  Buffer.from(`RIFF-webp-bytes-of:${key}:${"x".repeat(key.length * 7)}`);

/** A post with `photos` photos, each stored as a 1080 and a 640 variant. */
async function storedPost(authorId: string, caption: string, photos: number, at: Date) {
  const id = await insertPost(h.db(), authorId, { photos: 0, createdAt: at });
  await h.db().update(posts).set({ caption }).where(eq(posts.id, id));
  const originals: Record<number, string> = {};
  for (let position = 0; position < photos; position++) {
    const variants = [640, 1080].map((width) => ({
      key: `posts/${id}/m${position}-${width}.webp`,
      width,
      height: width,
    }));
    await h
      .db()
      .insert(postMedia)
      .values({
        postId: id,
        position,
        variants,
        width: 1080,
        height: 1080,
        placeholder: "data:image/webp;base64,AA",
        alt: `photo ${position} of ${caption}`,
      });
    for (const v of variants) await h.storage.write(v.key, bytesOf(v.key), "image/webp");
    originals[position] = `posts/${id}/m${position}-1080.webp`;
  }
  return { id, originals };
}

/** The owner's world: a profile, posts (one removed), comments, likes, saves and follows. */
async function ownersData(owner: TestUser, friend: TestUser, fan: TestUser) {
  await h
    .db()
    .update(users)
    .set({ bio: "Sunsets & <coffee>", website: "https://example.com/me" })
    .where(eq(users.id, owner.id));
  const first = await storedPost(owner.id, "First light #dawn", 2, new Date(Date.now() - 3000));
  const second = await storedPost(owner.id, "Second <b>post</b>", 1, new Date(Date.now() - 2000));
  const removed = await storedPost(owner.id, "Taken down", 1, new Date(Date.now() - 1000));
  await h.db().update(posts).set({ status: "removed" }).where(eq(posts.id, removed.id));
  const friendsPost = await insertPost(h.db(), friend.id);
  await h
    .db()
    .insert(comments)
    .values({ postId: friendsPost, authorId: owner.id, body: "Lovely!" });
  await h.db().insert(likes).values({ postId: friendsPost, userId: owner.id });
  await h.db().insert(saves).values({ postId: friendsPost, userId: owner.id });
  await h
    .db()
    .insert(follows)
    .values([
      { followerId: owner.id, followeeId: friend.id },
      { followerId: fan.id, followeeId: owner.id },
    ]);
  return { first, second, removed, friendsPost };
}

/** The export id in the mailed link, checked to point at the download route on APP_URL. */
function linkIn(text: string): string {
  const match = /http:\/\/localhost:3000\/api\/data-exports\/([0-9a-f-]{36})/.exec(text);
  if (!match?.[1]) throw new Error(`no download link in: ${text}`);
  return match[1];
}

describe("Download your information", () => {
  it("builds the archive after the response, mails the owner a link, and the link downloads it", async () => {
    const owner = await h.user();
    const friend = await h.user();
    const fan = await h.user();
    const data = await ownersData(owner, friend, fan);
    await h.signInAs(owner);

    expect(await h.call(requestDataExportAction)).toMatchObject({ kind: "ok" });
    expect((await dataExportView(h.db(), owner.id)).state).toBe("preparing");
    expect(h.mailer.sent).toHaveLength(0);
    await h.runAfterTasks();

    const view = await dataExportView(h.db(), owner.id);
    expect(view.state).toBe("ready");
    const [mail] = h.mailer.sent;
    expect(mail?.to).toBe(owner.email);
    const id = linkIn(mail?.text ?? "");
    expect(mail?.html).toContain(`/api/data-exports/${id}`);
    expect(view).toMatchObject({ href: `/api/data-exports/${id}` });
    const [row] = await h.db().select().from(dataExports).where(eq(dataExports.id, id));
    expect(row?.key).toBe(`exports/${owner.id}/${id}.zip`);
    const expiresIn = (row?.expiresAt?.getTime() ?? 0) - (row?.readyAt?.getTime() ?? 0);
    expect(expiresIn).toBe(7 * DAY);

    const res = await download(id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="snapgram-/);
    const zip = Buffer.from(await res.arrayBuffer());
    expect(zip.byteLength).toBe(row?.size);
    const files = await unzip(zip);

    const profile = json(files, "profile.json");
    expect(profile).toMatchObject({
      username: owner.username,
      name: owner.name,
      email: owner.email,
      bio: "Sunsets & <coffee>",
      website: "https://example.com/me",
    });
    expect(profile).not.toHaveProperty("passwordHash");

    const postList = json(files, "posts.json") as {
      id: string;
      caption: string;
      status: string;
      photos: { file: string; alt: string }[];
    }[];
    expect(postList.map((p) => [p.caption, p.status, p.photos.length])).toEqual([
      ["First light #dawn", "visible", 2],
      ["Second <b>post</b>", "visible", 1],
      ["Taken down", "removed", 0],
    ]);
    // Each photo in the archive is the largest stored variant, byte for byte.
    for (const { id: postId, originals } of [data.first, data.second]) {
      const entry = postList.find((p) => p.id === postId);
      for (const [position, key] of Object.entries(originals)) {
        const file = entry?.photos[Number(position)]?.file ?? "";
        expect(files.get(file)?.equals(bytesOf(key)), file).toBe(true);
      }
    }
    // A post a moderator removed is listed, but its photos stay with the moderators.
    const photoFiles = [...files.keys()].filter((f) => f.startsWith("photos/"));
    expect(photoFiles).toHaveLength(3);
    expect(photoFiles.some((f) => f.includes(data.removed.id))).toBe(false);

    expect(json(files, "comments.json")).toEqual([
      expect.objectContaining({ postId: data.friendsPost, body: "Lovely!" }),
    ]);
    expect(json(files, "likes.json")).toEqual([
      expect.objectContaining({ postId: data.friendsPost, author: friend.username }),
    ]);
    expect(json(files, "saves.json")).toEqual([
      expect.objectContaining({ postId: data.friendsPost, author: friend.username }),
    ]);
    expect(json(files, "followers.json")).toEqual([
      expect.objectContaining({ username: fan.username }),
    ]);
    expect(json(files, "following.json")).toEqual([
      expect.objectContaining({ username: friend.username }),
    ]);

    // index.html shows the profile and every photo through a relative path inside the archive.
    const html = files.get("index.html")?.toString("utf8") ?? "";
    expect(html).toContain(`@${owner.username}`);
    expect(html).toContain("Sunsets &amp; &lt;coffee&gt;");
    expect(html).toContain("Second &lt;b&gt;post&lt;/b&gt;");
    expect(html).not.toContain("<b>post</b>");
    const sources = [...html.matchAll(/<img[^>]* src="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.sort()).toEqual(photoFiles.sort());
    for (const src of sources) expect(files.has(src ?? "")).toBe(true);
  });

  it("builds one export at a time: a second request while one is pending is refused, clearly", async () => {
    const owner = await h.user();
    await h.signInAs(owner);
    expect(await h.call(requestDataExportAction)).toMatchObject({ kind: "ok" });
    const again = await h.call(requestDataExportAction);
    expect(again).toMatchObject({ kind: "fail", code: "CONFLICT" });
    expect(again.kind === "fail" && again.message).toMatch(/already being prepared/);
    expect(await h.db().select().from(dataExports)).toHaveLength(1);

    // Once it is ready, a new request is taken and ends the earlier download.
    await h.runAfterTasks();
    const firstId = linkIn(h.mailer.sent[0]?.text ?? "");
    expect(await h.call(requestDataExportAction)).toMatchObject({ kind: "ok" });
    expect((await download(firstId)).status).toBe(410);
  });

  it("serves the download to its owner only: 404 for anyone else, sign-in for a signed-out visitor", async () => {
    const owner = await h.user();
    const other = await h.user();
    await h.signInAs(owner);
    await h.call(requestDataExportAction);
    const [row] = await h.db().select().from(dataExports);
    const id = row?.id ?? "";
    // Not built yet: the owner is told so.
    expect((await download(id)).status).toBe(409);
    await h.runAfterTasks();

    await h.signInAs(other);
    const refused = await download(id);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain("PK");
    expect((await download("not-an-id")).status).toBe(404);

    h.signOut();
    const signedOut = await download(id);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toBe("/login?next=%2Faccounts%2Fsettings");
    expect(signedOut.body).toBeNull();

    await h.signInAs(owner);
    expect((await download(id)).status).toBe(200);
  });

  it("on S3 sends the owner to a short-lived presigned link, and nobody else", async () => {
    const owner = await h.user();
    const other = await h.user();
    await h.signInAs(owner);
    await h.call(requestDataExportAction);
    await h.runAfterTasks();
    const [row] = await h.db().select().from(dataExports);
    const asked: [string, string, number][] = [];
    const s3: Storage = {
      ...h.storage,
      downloadUrl: async (key, filename, seconds) => {
        asked.push([key, filename, seconds]);
        return `https://bucket.example/${key}?X-Amz-Signature=sig`;
      },
    };
    const otherView = { id: other.id, username: other.username };
    expect((await downloadResponse(h.db(), s3, otherView, row?.id ?? "")).status).toBe(404);
    expect(asked).toEqual([]);
    const ownerView = { id: owner.id, username: owner.username };
    const res = await downloadResponse(h.db(), s3, ownerView, row?.id ?? "");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(
      `https://bucket.example/${row?.key}?X-Amz-Signature=sig`,
    );
    expect(asked).toEqual([[row?.key, expect.stringMatching(/^snapgram-.*\.zip$/), 60]]);
  });

  it("expires after 7 days: the link answers 410 and maintenance deletes the archive", async () => {
    const owner = await h.user();
    await h.signInAs(owner);
    await h.call(requestDataExportAction);
    await h.runAfterTasks();
    const [row] = await h.db().select().from(dataExports);
    if (!row) throw new Error("no export");
    expect(await h.storage.stat(row.key)).not.toBeNull();

    // Past its week the link is refused at once, even before maintenance has run.
    const past = new Date(Date.now() - 1000);
    await h.db().update(dataExports).set({ expiresAt: past }).where(eq(dataExports.id, row.id));
    expect((await download(row.id)).status).toBe(410);
    expect(await dataExportView(h.db(), owner.id)).toMatchObject({ state: "expired" });

    const { expiredExports } = await runMaintenance(h.db(), h.storage, new Date());
    expect(expiredExports).toBe(1);
    expect(await h.storage.stat(row.key)).toBeNull();
    const [after] = await h.db().select().from(dataExports);
    expect(after?.status).toBe("expired");
    expect((await download(row.id)).status).toBe(410);
  });

  it("is picked up by the maintenance run when the build after the response was lost", async () => {
    const owner = await h.user();
    await h.signInAs(owner);
    await h.call(requestDataExportAction);
    h.afterTasks.length = 0; // the server stopped before running it
    const result = await runMaintenance(h.db(), h.storage, new Date(), undefined, {
      mailer: h.mailer,
      appUrl: APP_URL,
    });
    expect(result.builtExports).toBe(1);
    expect(h.mailer.sent).toHaveLength(1);
    expect((await dataExportView(h.db(), owner.id)).state).toBe("ready");
  });

  it("retries a failed build, then gives up and lets the owner ask again", async () => {
    const owner = await h.user();
    await storedPost(owner.id, "photo lost", 1, new Date());
    const broken: Storage = { ...h.storage, readStream: async () => null };
    await h.signInAs(owner);
    await h.call(requestDataExportAction);
    h.afterTasks.length = 0;
    let now = new Date();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const out = await runDataExports(h.db(), broken, h.mailer, { appUrl: APP_URL, now });
      expect(out).toEqual({ done: 0, failed: 1 });
      // The claim holds it until it runs out: no second try in the same minute.
      expect(
        (await runDataExports(h.db(), broken, h.mailer, { appUrl: APP_URL, now })).failed,
      ).toBe(0);
      now = new Date(now.getTime() + 16 * 60_000);
    }
    const [row] = await h.db().select().from(dataExports);
    expect(row).toMatchObject({
      status: "failed",
      lastError: expect.stringContaining("photo missing"),
    });
    expect(await h.storage.stat(row?.key ?? "")).toBeNull();
    expect(await dataExportView(h.db(), owner.id)).toEqual({ state: "failed" });
    expect(h.mailer.sent).toHaveLength(0);
    expect(await h.call(requestDataExportAction)).toMatchObject({ kind: "ok" });
  });
});
