// The embedded storage driver: files in a folder, browser uploads to a signed, expiring URL on the
// app itself (app/api/uploads), public files served by app/media. Free of lib/env for scripts.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { link, mkdir, open, readFile, rename, rm, rmdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertValidKey, isValidContentType } from "./keys";
import {
  deriveSigningKey,
  MAX_SIGNED_SIZE,
  signUpload,
  type UploadCheck,
  verifyUpload,
} from "./signing";
import type { CreateUploadOptions, Storage, UploadTarget } from "./types";

export interface LocalStorageSettings {
  /** Folder holding the files, created on demand (STORAGE_DIR). */
  dir: string;
  /** AUTH_SECRET; the upload-URL signing key is derived from it. */
  secret: string;
}

export type StreamWriteResult =
  | { ok: true; size: number; created: boolean }
  | { ok: false; reason: "too-large" | "empty" | "aborted" | "exists" };

/** What the local route handlers need besides the common interface. */
export interface LocalStorage extends Storage {
  readonly driver: "local";
  /** Checks an upload URL's query string for `key` (signature, expiry). */
  verifyUpload(key: string, query: URLSearchParams): UploadCheck;
  /**
   * Streams a body to a new `key` through a temp file, giving up as soon as it passes `maxSize`;
   * never replaces a file already there ("exists"): an upload slot takes one upload.
   */
  writeStream(
    key: string,
    body: ReadableStream<Uint8Array>,
    maxSize: number,
  ): Promise<StreamWriteResult>;
  /** An open file to stream, or null when there is none. */
  openRead(key: string): Promise<{ size: number; body: ReadableStream<Uint8Array> } | null>;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR";
}

export function createLocalStorage(settings: LocalStorageSettings): LocalStorage {
  const root = path.resolve(settings.dir);
  // Keys cannot start with ".", so no key ever reaches the temp folder.
  const tempDir = path.join(root, ".tmp");
  const signingKey = deriveSigningKey(settings.secret);

  const fileOf = (key: string): string => {
    const file = path.join(root, ...assertValidKey(key).split("/"));
    if (!file.startsWith(root + path.sep)) throw new Error("storage key escapes the folder");
    return file;
  };

  const newTempFile = async (): Promise<string> => {
    await mkdir(tempDir, { recursive: true });
    return path.join(tempDir, `${randomUUID()}.part`);
  };

  // rename() is atomic within one file system: a reader sees the old file or the whole new one.
  const publish = async (temp: string, file: string): Promise<boolean> => {
    await mkdir(path.dirname(file), { recursive: true });
    const existed = await stat(file).then(
      () => true,
      () => false,
    );
    await rename(temp, file);
    return !existed;
  };

  // link() fails when the name exists, so of two racing uploads exactly one lands.
  const publishNew = async (temp: string, file: string): Promise<boolean> => {
    await mkdir(path.dirname(file), { recursive: true });
    try {
      await link(temp, file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    } finally {
      await unlink(temp).catch(() => {});
    }
  };

  const statFile = async (key: string) => {
    try {
      const info = await stat(fileOf(key));
      return info.isFile() ? { size: info.size } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };

  return {
    driver: "local",

    async createUploadUrl(opts: CreateUploadOptions): Promise<UploadTarget> {
      assertValidKey(opts.key);
      if (!isValidContentType(opts.contentType)) throw new Error("invalid upload content type");
      if (!Number.isSafeInteger(opts.size) || opts.size < 1 || opts.size > MAX_SIGNED_SIZE) {
        throw new Error("invalid upload size");
      }
      if (!Number.isSafeInteger(opts.expiresInSeconds) || opts.expiresInSeconds < 1) {
        throw new Error("invalid upload expiry");
      }
      const expires = Math.floor(Date.now() / 1000) + opts.expiresInSeconds;
      const grant = { key: opts.key, contentType: opts.contentType, maxSize: opts.size, expires };
      return {
        url: `/api/uploads/${opts.key}?${signUpload(grant, signingKey)}`,
        method: "PUT",
        headers: { "Content-Type": opts.contentType },
        expiresAt: new Date(expires * 1000),
      };
    },

    stat: statFile,

    async read(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async write(key, body) {
      const file = fileOf(key);
      const temp = await newTempFile();
      try {
        const handle = await open(temp, "wx");
        try {
          await handle.writeFile(body);
        } finally {
          await handle.close();
        }
        await publish(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async putStream(key, body) {
      const file = fileOf(key);
      const temp = await newTempFile();
      try {
        const out = createWriteStream(temp, { flags: "wx" });
        await pipeline(body, out);
        await publish(temp, file);
        return { size: out.bytesWritten };
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async readStream(key) {
      const handle = await open(fileOf(key), "r").catch((error: unknown) => {
        if (isMissing(error)) return null;
        throw error;
      });
      if (!handle) return null;
      return handle.createReadStream();
    },

    async downloadUrl() {
      return null;
    },

    async delete(keys) {
      const files = keys.map(fileOf);
      await Promise.all(files.map((file) => rm(file, { force: true })));
    },

    // rename() is atomic: a reader finds the object at one key or the other, never half of it.
    async move(from, to) {
      const source = fileOf(from);
      const target = fileOf(to);
      await mkdir(path.dirname(target), { recursive: true });
      try {
        await rename(source, target);
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
      // Tidy the emptied folder (posts/<id>/); rmdir refuses one that still holds files.
      await rmdir(path.dirname(source)).catch(() => {});
      return true;
    },

    publicUrl(key) {
      return `/media/${assertValidKey(key)}`;
    },

    verifyUpload(key, query) {
      return verifyUpload(key, query, signingKey);
    },

    async writeStream(key, body, maxSize) {
      const file = fileOf(key);
      const temp = await newTempFile();
      const reader = body.getReader();
      let size = 0;
      let failure: "too-large" | "aborted" | null = null;
      const handle = await open(temp, "wx");
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > maxSize) {
            failure = "too-large";
            break;
          }
          let written = 0;
          while (written < value.byteLength) {
            const result = await handle.write(value, written, value.byteLength - written);
            written += result.bytesWritten;
          }
        }
      } catch {
        failure = "aborted";
      } finally {
        await handle.close();
      }
      if (failure !== null || size === 0) {
        reader.cancel().catch(() => {});
        await rm(temp, { force: true });
        return { ok: false, reason: failure ?? "empty" };
      }
      try {
        if (!(await publishNew(temp, file))) return { ok: false, reason: "exists" };
        return { ok: true, size, created: true };
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async openRead(key) {
      const file = fileOf(key);
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        handle = await open(file, "r");
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      const info = await handle.stat().catch(async (error: unknown) => {
        await handle.close();
        throw error;
      });
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      const body = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
      return { size: info.size, body };
    },
  };
}

/** Narrows the common interface to the local driver, whose extras the app's routes use. */
export function isLocalStorage(storage: Storage): storage is LocalStorage {
  return (
    storage.driver === "local" &&
    typeof (storage as Partial<LocalStorage>).writeStream === "function" &&
    typeof (storage as Partial<LocalStorage>).verifyUpload === "function"
  );
}
