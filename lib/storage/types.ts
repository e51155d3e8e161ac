import type { Readable } from "node:stream";

// The one storage interface: S3 in production, a folder under .data/ in the embedded mode.
// Keys are relative paths of [a-z0-9/_.-] (e.g. "uploads/<user>/<slot>", "posts/<post>/<id>-1080.webp").

/** Where and how the browser sends one file. */
export interface UploadTarget {
  url: string;
  method: "PUT";
  /** Headers the browser must send with the PUT (at least Content-Type). */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface CreateUploadOptions {
  key: string;
  /** The declared type; the upload is refused with any other Content-Type. */
  contentType: string;
  /** The declared size in bytes; the upload is refused above it (S3: bound to exactly this length). */
  size: number;
  expiresInSeconds: number;
}

export interface Storage {
  readonly driver: "s3" | "local";
  createUploadUrl(opts: CreateUploadOptions): Promise<UploadTarget>;
  /** Size of a stored object, or null when there is none. */
  stat(key: string): Promise<{ size: number } | null>;
  /** The object's bytes, or null when there is none. */
  read(key: string): Promise<Buffer | null>;
  write(key: string, body: Buffer, contentType: string): Promise<void>;
  /**
   * Writes a stream of unknown length to `key` without holding it in memory (local: a temp file
   * renamed into place; S3: a multipart upload). Answers the bytes written.
   */
  putStream(key: string, body: Readable, contentType: string): Promise<{ size: number }>;
  /** The object's bytes as a stream, or null when there is none. */
  readStream(key: string): Promise<Readable | null>;
  /**
   * A short-lived URL the browser downloads the object from as an attachment named `filename`
   * (S3: a presigned GET), or null when the app must stream it itself (local driver).
   */
  downloadUrl(key: string, filename: string, expiresInSeconds: number): Promise<string | null>;
  /** Deletes every key given; missing ones are not an error. */
  delete(keys: string[]): Promise<void>;
  /**
   * Moves one object to another key, replacing what is there; false when `from` does not exist.
   * Moving into a public folder gives the object the public cache header, out of one drops it.
   */
  move(from: string, to: string): Promise<boolean>;
  /** The URL browsers load the object from (cached: see PUBLIC_CACHE_CONTROL in keys.ts). */
  publicUrl(key: string): string;
}
