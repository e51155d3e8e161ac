import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage } from "@/lib/storage/create";
import type { Storage } from "@/lib/storage/types";

// The S3 driver against s3rver, a local S3 imitation. s3rver accepts any SigV4 signature from its
// S3RVER key, so signature rejection is only tested on the local driver (storage-local.test.ts).
interface S3rverOptions {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string; configs: string[] }[];
}
type S3rverServer = { run(): Promise<AddressInfo>; close(): Promise<void> };
const S3rver = createRequire(import.meta.url)("s3rver") as new (
  options: S3rverOptions,
) => S3rverServer;

const bucket = "snapgram-test";
const cors = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
  </CORSRule>
</CORSConfiguration>`;

let server: S3rverServer;
let directory: string;
let endpoint: string;
let storage: Storage;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "snapgram-s3rver-"));
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [cors] }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  storage = createStorage({
    driver: "s3",
    bucket,
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
  });
});

afterAll(async () => {
  await server?.close();
  if (directory) await rm(directory, { recursive: true, force: true });
});

const photo = Buffer.from("\x89PNG\r\n\x1a\n not really a png".repeat(50), "latin1");

describe("S3 storage driver", () => {
  it("writes, stats, reads and deletes an object", async () => {
    expect(storage.driver).toBe("s3");
    await storage.write("posts/p1/a-1080.webp", photo, "image/webp");
    expect(await storage.stat("posts/p1/a-1080.webp")).toEqual({ size: photo.length });
    expect((await storage.read("posts/p1/a-1080.webp"))?.equals(photo)).toBe(true);

    const served = await fetch(storage.publicUrl("posts/p1/a-1080.webp"));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    // Browsers an hour, the CDN a year (invalidated when a photo is taken off); never immutable.
    expect(served.headers.get("cache-control")).toBe("public, max-age=3600, s-maxage=31536000");
    await served.arrayBuffer();

    await storage.delete(["posts/p1/a-1080.webp"]);
    expect(await storage.stat("posts/p1/a-1080.webp")).toBeNull();
    expect(await storage.read("posts/p1/a-1080.webp")).toBeNull();
  });

  it("sets no immutable cache on private keys", async () => {
    await storage.write("uploads/u1/original", photo, "image/png");
    const response = await fetch(`${endpoint}/${bucket}/uploads/u1/original`);
    expect(response.headers.get("cache-control") ?? "").not.toContain("immutable");
    await response.arrayBuffer();
    await storage.delete(["uploads/u1/original"]);
  });

  it("deletes several keys at once, missing ones included, and nothing at all", async () => {
    await storage.write("posts/p2/a.webp", photo, "image/webp");
    await storage.write("posts/p2/b.webp", photo, "image/webp");
    await storage.delete(["posts/p2/a.webp", "posts/p2/b.webp", "posts/p2/never.webp"]);
    expect(await storage.stat("posts/p2/a.webp")).toBeNull();
    expect(await storage.stat("posts/p2/b.webp")).toBeNull();
    await storage.delete(["posts/p2/never.webp"]);
    await storage.delete([]);
  });

  it("moves an object out of the public folder and back, cache header following", async () => {
    await storage.write("posts/p3/a-1080.webp", photo, "image/webp");
    expect(await storage.move("posts/p3/a-1080.webp", "evidence/posts/p3/a-1080.webp")).toBe(true);
    expect(await storage.stat("posts/p3/a-1080.webp")).toBeNull();
    expect((await storage.read("evidence/posts/p3/a-1080.webp"))?.equals(photo)).toBe(true);
    const gone = await fetch(storage.publicUrl("posts/p3/a-1080.webp"));
    expect(gone.status).toBe(404);
    await gone.arrayBuffer();
    const hidden = await fetch(`${endpoint}/${bucket}/evidence/posts/p3/a-1080.webp`);
    expect(hidden.headers.get("content-type")).toBe("image/webp");
    expect(hidden.headers.get("cache-control") ?? "").not.toContain("public");
    await hidden.arrayBuffer();

    expect(await storage.move("posts/p3/a-1080.webp", "held/posts/p3/a-1080.webp")).toBe(false);
    expect(await storage.move("evidence/posts/p3/a-1080.webp", "posts/p3/a-1080.webp")).toBe(true);
    const back = await fetch(storage.publicUrl("posts/p3/a-1080.webp"));
    expect(back.status).toBe(200);
    expect(back.headers.get("cache-control")).toBe("public, max-age=3600, s-maxage=31536000");
    expect(Buffer.from(await back.arrayBuffer()).equals(photo)).toBe(true);
    expect(await storage.stat("evidence/posts/p3/a-1080.webp")).toBeNull();
    await storage.delete(["posts/p3/a-1080.webp"]);
  });

  it("streams a large object in (multipart) and out, and presigns an attachment download", async () => {
    // 18 MB in 1 MB chunks: three multipart parts of 8 MB, never one buffer of the whole body.
    const chunk = (i: number) => Buffer.alloc(1024 * 1024, i % 251);
    const body = Readable.from(
      (function* () {
        for (let i = 0; i < 18; i++) yield chunk(i);
      })(),
    );
    const key = "exports/u1/e1.zip";
    expect(await storage.putStream(key, body, "application/zip")).toEqual({
      size: 18 * 1024 * 1024,
    });
    expect(await storage.stat(key)).toEqual({ size: 18 * 1024 * 1024 });
    const back = await storage.readStream(key);
    let size = 0;
    let same = true;
    let offset = 0;
    for await (const part of back ?? []) {
      const bytes = part as Buffer;
      for (let i = 0; i < bytes.length; i += 65_536) {
        const at = offset + i;
        if (bytes[i] !== Math.floor(at / (1024 * 1024)) % 251) same = false;
      }
      offset += bytes.length;
      size += bytes.length;
    }
    expect(size).toBe(18 * 1024 * 1024);
    expect(same).toBe(true);
    expect(await storage.readStream("exports/u1/missing.zip")).toBeNull();

    const url = new URL((await storage.downloadUrl(key, "snapgram-ana.zip", 60)) ?? "");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("60");
    expect(url.searchParams.get("response-content-disposition")).toBe(
      'attachment; filename="snapgram-ana.zip"',
    );
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Number(res.headers.get("content-length"))).toBe(18 * 1024 * 1024);
    await res.body?.cancel();
    await storage.delete([key]);
  });

  it("answers null for a missing object", async () => {
    expect(await storage.stat("uploads/nobody/nothing")).toBeNull();
    expect(await storage.read("uploads/nobody/nothing")).toBeNull();
  });

  it("uploads through a presigned PUT bound to type and length", async () => {
    const target = await storage.createUploadUrl({
      key: "uploads/u1/slot-1",
      contentType: "image/png",
      size: photo.length,
      expiresInSeconds: 600,
    });
    expect(target.method).toBe("PUT");
    expect(target.headers).toEqual({ "Content-Type": "image/png" });
    expect(target.expiresAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
    const url = new URL(target.url);
    expect(url.origin).toBe(endpoint);
    expect(url.pathname).toBe(`/${bucket}/uploads/u1/slot-1`);
    expect(url.searchParams.get("X-Amz-Expires")).toBe("600");
    const signed = url.searchParams.get("X-Amz-SignedHeaders")?.split(";") ?? [];
    expect(signed).toEqual(expect.arrayContaining(["content-length", "content-type", "host"]));
    expect([...url.searchParams.keys()].some((k) => k.toLowerCase().includes("checksum"))).toBe(
      false,
    );

    const response = await fetch(target.url, {
      method: "PUT",
      headers: target.headers,
      body: new Uint8Array(photo),
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(await storage.stat("uploads/u1/slot-1")).toEqual({ size: photo.length });
    expect((await storage.read("uploads/u1/slot-1"))?.equals(photo)).toBe(true);
  });

  it("refuses invalid keys and upload options before any request", async () => {
    await expect(storage.read("../x")).rejects.toThrow(/invalid storage key/);
    await expect(storage.write("/abs", photo, "image/png")).rejects.toThrow(/invalid/);
    await expect(storage.delete(["ok", "a/../b"])).rejects.toThrow(/invalid/);
    const base = { key: "uploads/u/x", contentType: "image/png", size: 10, expiresInSeconds: 60 };
    await expect(storage.createUploadUrl({ ...base, size: 0 })).rejects.toThrow(/size/);
    await expect(storage.createUploadUrl({ ...base, contentType: "png" })).rejects.toThrow(/type/);
    await expect(storage.createUploadUrl({ ...base, expiresInSeconds: 0 })).rejects.toThrow();
  });
});

describe("S3 public URLs", () => {
  const base = { driver: "s3", bucket: "photos", region: "eu-west-1" } as const;

  it("uses S3_PUBLIC_URL when set", () => {
    const cdn = createStorage({ ...base, publicUrl: "https://cdn.example.com/" });
    expect(cdn.publicUrl("posts/p/1.webp")).toBe("https://cdn.example.com/posts/p/1.webp");
  });

  it("uses the path-style bucket URL with an endpoint", () => {
    const minio = createStorage({
      ...base,
      endpoint: "http://127.0.0.1:9000",
      forcePathStyle: true,
    });
    expect(minio.publicUrl("posts/p/1.webp")).toBe("http://127.0.0.1:9000/photos/posts/p/1.webp");
  });

  it("uses the AWS bucket URL otherwise", () => {
    expect(createStorage(base).publicUrl("avatars/u/1.webp")).toBe(
      "https://photos.s3.eu-west-1.amazonaws.com/avatars/u/1.webp",
    );
  });

  it("refuses half a pair of credentials", () => {
    expect(() => createStorage({ ...base, accessKeyId: "AKIA" })).toThrow(/both/);
  });
});
