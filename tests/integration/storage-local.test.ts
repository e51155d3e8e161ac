import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Storage, UploadTarget } from "@/lib/storage/types";

// Drives the real route files: lib/env reads STORAGE_DIR once, so it is set before the imports.
const dir = await mkdtemp(path.join(tmpdir(), "snapgram-storage-"));
process.env.STORAGE_DIR = dir;
delete process.env.S3_BUCKET;

// The upload slot's state is the database's; here a switch (tests/integration/upload-once.test.ts
// drives the real query).
const slotState = { open: true };
vi.mock("@/lib/posts/upload-slot-state", () => ({ isUploadSlotOpen: async () => slotState.open }));
vi.mock("@/lib/db", () => ({ getDb: () => null }));

const uploadRoute = await import("@/app/api/uploads/[...key]/route");
const { getStorage, createStorage } = await import("@/lib/storage");
const { handleLocalMedia, handleLocalUpload } = await import("@/lib/storage/local-routes");

const origin = "http://localhost:3000";
const jpeg = Buffer.from("\xff\xd8\xff\xe0 not really a jpeg, but bytes".repeat(20), "latin1");
let storage: Storage;

beforeAll(() => {
  storage = getStorage();
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const paramsOf = (url: URL, prefix: string) => ({
  params: Promise.resolve({ key: url.pathname.slice(prefix.length).split("/") }),
});

type Body = Buffer | string | ReadableStream<Uint8Array<ArrayBuffer>> | null;

function put(url: string, body: Body, headers: Record<string, string>) {
  const target = new URL(url, origin);
  const init: RequestInit & { duplex: "half" } = {
    method: "PUT",
    headers,
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : body,
    duplex: "half",
  };
  return uploadRoute.PUT(new Request(target, init), paramsOf(target, "/api/uploads/"));
}

// The storage side of the media route; whose photos may be served (removed posts, suspended
// accounts) is tested with a database in media-removal.test.ts.
const anyKey = async () => true;

function get(key: string, method: "GET" | "HEAD" = "GET") {
  const target = new URL(`/media/${key}`, origin);
  const parts = target.pathname.slice("/media/".length).split("/");
  return handleLocalMedia(new Request(target, { method }), parts, storage, anyKey);
}

async function slot(key: string, size = jpeg.length, contentType = "image/jpeg") {
  return storage.createUploadUrl({ key, contentType, size, expiresInSeconds: 600 });
}

/** Every file under the storage folder, temp files included. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(await response.json()).toMatchObject({ ok: false, code, message: expect.any(String) });
}

/** An endless body of 64 KiB chunks, counting how many were pulled. */
function endlessBody() {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      counter.pulled += 1;
      controller.enqueue(new Uint8Array(64 * 1024).fill(7));
    },
  });
  return { stream, counter };
}

describe("local storage upload route", () => {
  it("is the local driver with a relative, signed URL", async () => {
    expect(storage.driver).toBe("local");
    const target: UploadTarget = await slot("uploads/u1/a");
    expect(target.url).toMatch(
      /^\/api\/uploads\/uploads\/u1\/a\?type=image%2Fjpeg&max=\d+&exp=\d+&sig=[\w-]{43}$/,
    );
    expect(target.headers).toEqual({ "Content-Type": "image/jpeg" });
    expect(target.expiresAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
  });

  it("stores a good upload, readable afterwards; a second PUT is refused and changes nothing", async () => {
    const target = await slot("uploads/u1/good");
    const response = await put(target.url, jpeg, target.headers);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(await storage.stat("uploads/u1/good")).toEqual({ size: jpeg.length });
    expect((await storage.read("uploads/u1/good"))?.equals(jpeg)).toBe(true);

    const again = await put(target.url, jpeg.subarray(0, 10), target.headers);
    await expectError(again, 409, "CONFLICT");
    expect((await storage.read("uploads/u1/good"))?.equals(jpeg)).toBe(true);
    expect((await filesOnDisk()).some((f) => f.startsWith(".tmp"))).toBe(false);
  });

  it("lets exactly one of two racing PUTs to one link land", async () => {
    const target = await slot("uploads/u1/race");
    const other = Buffer.from(jpeg).fill(1, 10, 20);
    const [a, b] = await Promise.all([
      put(target.url, jpeg, target.headers),
      put(target.url, other, target.headers),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const stored = await storage.read("uploads/u1/race");
    expect(stored?.equals(a.status === 201 ? jpeg : other)).toBe(true);
  });

  it("refuses a PUT after the slot was used (claimed by a post) with 409", async () => {
    const target = await slot("uploads/u1/claimed");
    slotState.open = false;
    try {
      await expectError(await put(target.url, jpeg, target.headers), 409, "CONFLICT");
    } finally {
      slotState.open = true;
    }
    expect(await storage.stat("uploads/u1/claimed")).toBeNull();
  });

  it("refuses a bad signature with 403", async () => {
    const target = await slot("uploads/u1/forged");
    const forged = target.url.replace(/sig=[\w-]{4}/, "sig=AAAA");
    await expectError(await put(forged, jpeg, target.headers), 403, "FORBIDDEN");
    const otherKey = target.url.replace("uploads/u1/forged", "uploads/u2/forged");
    await expectError(await put(otherKey, jpeg, target.headers), 403, "FORBIDDEN");
    const bigger = target.url.replace(/max=\d+/, "max=999999999");
    await expectError(await put(bigger, jpeg, target.headers), 403, "FORBIDDEN");
    const unsigned = target.url.split("?")[0] ?? "";
    await expectError(await put(unsigned, jpeg, target.headers), 403, "FORBIDDEN");
    expect(await storage.stat("uploads/u1/forged")).toBeNull();
  });

  it("refuses an expired URL with 403", async () => {
    const target = await slot("uploads/u1/late");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 601_000);
    const response = await put(target.url, jpeg, target.headers);
    await expectError(response, 403, "FORBIDDEN");
    expect(await storage.stat("uploads/u1/late")).toBeNull();
  });

  it("refuses another Content-Type with 415", async () => {
    const target = await slot("uploads/u1/type");
    await expectError(
      await put(target.url, jpeg, { "Content-Type": "image/png" }),
      415,
      "VALIDATION",
    );
    await expectError(await put(target.url, jpeg, {}), 415, "VALIDATION");
    expect(await storage.stat("uploads/u1/type")).toBeNull();
  });

  it("refuses a declared Content-Length over the limit with 413", async () => {
    const target = await slot("uploads/u1/declared", 100);
    const headers = { ...target.headers, "Content-Length": "101" };
    await expectError(await put(target.url, jpeg.subarray(0, 101), headers), 413, "VALIDATION");
    expect(await filesOnDisk()).not.toContain("uploads/u1/declared");
  });

  it("counts the bytes when Content-Length lies, and keeps nothing", async () => {
    const target = await slot("uploads/u1/liar", 100);
    const headers = { ...target.headers, "Content-Length": "50" };
    await expectError(await put(target.url, jpeg, headers), 413, "VALIDATION");
    expect(await storage.stat("uploads/u1/liar")).toBeNull();
    expect((await filesOnDisk()).filter((f) => f.includes("liar") || f.startsWith(".tmp"))).toEqual(
      [],
    );
  });

  it("stops an endless streamed body without Content-Length as soon as it passes the limit", async () => {
    const target = await slot("uploads/u1/endless", 200_000);
    const { stream, counter } = endlessBody();
    await expectError(await put(target.url, stream, target.headers), 413, "VALIDATION");
    expect(counter.pulled).toBeLessThan(10);
    expect(await storage.stat("uploads/u1/endless")).toBeNull();
    expect((await filesOnDisk()).filter((f) => f.startsWith(".tmp"))).toEqual([]);
  });

  it("accepts a streamed body of exactly the limit", async () => {
    const target = await slot("uploads/u1/exact", 3 * 1024);
    const chunks = [1024, 1024, 1024].map((n) => new Uint8Array(n).fill(1));
    const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    expect((await put(target.url, stream, target.headers)).status).toBe(201);
    expect(await storage.stat("uploads/u1/exact")).toEqual({ size: 3 * 1024 });
  });

  it("refuses an empty body with 400", async () => {
    const target = await slot("uploads/u1/empty");
    await expectError(await put(target.url, null, target.headers), 400, "VALIDATION");
    await expectError(await put(target.url, "", target.headers), 400, "VALIDATION");
    const empty = new ReadableStream<Uint8Array<ArrayBuffer>>({ start: (c) => c.close() });
    await expectError(await put(target.url, empty, target.headers), 400, "VALIDATION");
    expect(await storage.stat("uploads/u1/empty")).toBeNull();
  });

  it.each([
    ["parent segments", ["..", "..", "escape"]],
    ["parent segments inside", ["uploads", "..", "..", "escape"]],
    ["a decoded slash", ["uploads/../../escape"]],
    ["an absolute path", ["", "tmp", "escape"]],
    ["uppercase", ["Uploads", "x"]],
  ])("refuses a key with %s with 400, writing nothing", async (_, key) => {
    const target = await slot("uploads/u1/x");
    const query = target.url.split("?")[1];
    const request = new Request(`${origin}/api/uploads/x?${query}`, {
      method: "PUT",
      headers: target.headers,
      body: new Uint8Array(jpeg),
    });
    const response = await uploadRoute.PUT(request, { params: Promise.resolve({ key }) });
    await expectError(response, 400, "VALIDATION");
    expect(await readdir(path.dirname(dir))).not.toContain("escape");
    expect((await filesOnDisk()).filter((f) => f.includes("escape"))).toEqual([]);
  });

  it("the driver itself throws on keys it will not store", async () => {
    await expect(storage.write("../escape", jpeg, "image/jpeg")).rejects.toThrow(/invalid/);
    await expect(storage.read("/etc/passwd")).rejects.toThrow(/invalid/);
    await expect(storage.delete(["posts/../../x"])).rejects.toThrow(/invalid/);
    await expect(slot("../x")).rejects.toThrow(/invalid/);
    expect(() => storage.publicUrl("a/../b")).toThrow(/invalid/);
  });
});

describe("local storage media route", () => {
  it("serves posts/ and avatars/ images with an hour's browser cache and the right type", async () => {
    await storage.write("posts/p1/a-1080.webp", jpeg, "image/webp");
    const response = await get("posts/p1/a-1080.webp");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-length")).toBe(String(jpeg.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(jpeg)).toBe(true);
    expect(storage.publicUrl("posts/p1/a-1080.webp")).toBe("/media/posts/p1/a-1080.webp");

    const target = await slot("avatars/u1/face.jpg");
    expect((await put(target.url, jpeg, target.headers)).status).toBe(201);
    const avatar = await get("avatars/u1/face.jpg");
    expect(avatar.status).toBe(200);
    expect(avatar.headers.get("content-type")).toBe("image/jpeg");
    await avatar.body?.cancel();
  });

  it("answers HEAD with the headers and no body", async () => {
    await storage.write("posts/p1/b.png", jpeg, "image/png");
    const response = await get("posts/p1/b.png", "HEAD");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-length")).toBe(String(jpeg.length));
    expect(response.body).toBeNull();
  });

  it("never serves uploads/ originals", async () => {
    await storage.write("uploads/u1/secret.jpg", jpeg, "image/jpeg");
    await expectError(await get("uploads/u1/secret.jpg"), 404, "NOT_FOUND");
    await expectError(await get("posts/../uploads/u1/secret.jpg"), 404, "NOT_FOUND");
    const direct = await handleLocalMedia(
      new Request(`${origin}/media/x`),
      ["media", "..", "uploads", "u1", "secret.jpg"],
      storage,
      anyKey,
    );
    await expectError(direct, 404, "NOT_FOUND");
  });

  it("answers 404 for missing files, folders and unknown extensions", async () => {
    await expectError(await get("posts/p1/missing.webp"), 404, "NOT_FOUND");
    await expectError(await get("posts/p1"), 404, "NOT_FOUND");
    await storage.write("posts/p1/page.html", Buffer.from("<script>"), "text/html");
    await expectError(await get("posts/p1/page.html"), 404, "NOT_FOUND");
    await expectError(await get("posts/p1/missing.webp", "HEAD"), 404, "NOT_FOUND");
  });

  it("moves an object to another folder and back; a missing one is false", async () => {
    await storage.write("posts/p3/a.webp", jpeg, "image/webp");
    expect(await storage.move("posts/p3/a.webp", "evidence/posts/p3/a.webp")).toBe(true);
    expect(await storage.stat("posts/p3/a.webp")).toBeNull();
    expect((await storage.read("evidence/posts/p3/a.webp"))?.equals(jpeg)).toBe(true);
    await expectError(await get("posts/p3/a.webp"), 404, "NOT_FOUND");
    await expectError(await get("evidence/posts/p3/a.webp"), 404, "NOT_FOUND");
    expect(await storage.move("posts/p3/a.webp", "held/posts/p3/a.webp")).toBe(false);
    expect(await storage.move("evidence/posts/p3/a.webp", "posts/p3/a.webp")).toBe(true);
    expect((await get("posts/p3/a.webp")).status).toBe(200);
    await expect(storage.move("posts/p3/a.webp", "../x")).rejects.toThrow(/invalid/);
  });

  it("deletes, missing keys included", async () => {
    await storage.write("posts/p2/a.webp", jpeg, "image/webp");
    await storage.delete(["posts/p2/a.webp", "posts/p2/never.webp"]);
    expect(await storage.stat("posts/p2/a.webp")).toBeNull();
    expect(await storage.read("posts/p2/a.webp")).toBeNull();
    await expectError(await get("posts/p2/a.webp"), 404, "NOT_FOUND");
  });
});

describe("local routes with the S3 driver", () => {
  it("answer 404", async () => {
    const s3 = createStorage({ driver: "s3", bucket: "photos", region: "us-east-1" });
    const upload = new Request(`${origin}/api/uploads/uploads/x`, { method: "PUT", body: "x" });
    await expectError(await handleLocalUpload(upload, ["uploads", "x"], s3), 404, "NOT_FOUND");
    const media = new Request(`${origin}/media/media/x.webp`);
    const allowed = async () => true;
    await expectError(
      await handleLocalMedia(media, ["media", "x.webp"], s3, allowed),
      404,
      "NOT_FOUND",
    );
  });
});
