// The production storage driver: an S3 bucket (or any S3-compatible server via endpoint and
// path-style), browser uploads with a presigned PUT. Free of lib/env so scripts can use it.

import { Readable, Transform } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import {
  assertValidKey,
  imageTypeForKey,
  isPublicKey,
  isValidContentType,
  PUBLIC_CACHE_CONTROL,
} from "./keys";
import type { CreateUploadOptions, Storage, UploadTarget } from "./types";

export interface S3StorageSettings {
  bucket: string;
  region: string;
  /** S3-compatible server, e.g. http://127.0.0.1:4569 (MinIO, s3rver, R2...). */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** CDN or public base URL in front of the bucket; objects are at `${publicUrl}/${key}`. */
  publicUrl?: string;
  /** Both or neither; without them the default AWS credential chain is used. */
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** S3 refuses presigned URLs valid longer than 7 days. */
const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;
/** DeleteObjects takes at most 1000 keys a request. */
const DELETE_BATCH = 1000;

function isNotFound(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === "NoSuchKey" || name === "NotFound" || $metadata?.httpStatusCode === 404;
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");

export function createS3Storage(settings: S3StorageSettings): Storage {
  const { bucket, region, endpoint } = settings;
  if (Boolean(settings.accessKeyId) !== Boolean(settings.secretAccessKey)) {
    throw new Error("S3 credentials need both an access key id and a secret, or neither");
  }
  const config: S3ClientConfig = {
    region,
    endpoint,
    forcePathStyle: settings.forcePathStyle ?? false,
    // A default CRC32 checksum would be baked into presigned URLs and break browser uploads.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
  if (settings.accessKeyId && settings.secretAccessKey) {
    config.credentials = {
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
    };
  }
  const client = new S3Client(config);
  const publicBase = settings.publicUrl
    ? trimSlash(settings.publicUrl)
    : endpoint
      ? `${trimSlash(endpoint)}/${bucket}`
      : settings.forcePathStyle
        ? `https://s3.${region}.amazonaws.com/${bucket}`
        : `https://${bucket}.s3.${region}.amazonaws.com`;

  return {
    driver: "s3",

    async createUploadUrl(opts: CreateUploadOptions): Promise<UploadTarget> {
      assertValidKey(opts.key);
      if (!isValidContentType(opts.contentType)) throw new Error("invalid upload content type");
      if (!Number.isSafeInteger(opts.size) || opts.size < 1) throw new Error("invalid upload size");
      const expiresIn = opts.expiresInSeconds;
      if (!Number.isSafeInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_PRESIGN_SECONDS) {
        throw new Error("invalid upload expiry");
      }
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: opts.key,
        ContentType: opts.contentType,
        ContentLength: opts.size,
      });
      const signedAt = Date.now();
      // Both headers are signed: S3 refuses any other type or length than the declared ones.
      const url = await getSignedUrl(client, command, {
        expiresIn,
        signableHeaders: new Set(["content-type", "content-length"]),
      });
      return {
        url,
        method: "PUT",
        headers: { "Content-Type": opts.contentType },
        expiresAt: new Date(signedAt + expiresIn * 1000),
      };
    },

    async stat(key) {
      try {
        const head = await client.send(
          new HeadObjectCommand({ Bucket: bucket, Key: assertValidKey(key) }),
        );
        return { size: head.ContentLength ?? 0 };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async read(key) {
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: assertValidKey(key) }),
        );
        if (!object.Body) return Buffer.alloc(0);
        return Buffer.from(await object.Body.transformToByteArray());
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async write(key, body, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: assertValidKey(key),
          Body: body,
          ContentType: contentType,
          ContentLength: body.byteLength,
          CacheControl: isPublicKey(key) ? PUBLIC_CACHE_CONTROL : undefined,
        }),
      );
    },

    // A multipart upload of 8 MB parts, at most two in flight: memory stays bounded whatever the
    // object's size (lib-storage sends a plain PUT when the whole body fits in one part).
    async putStream(key, body, contentType) {
      let size = 0;
      const counted = body.pipe(
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            size += chunk.byteLength;
            done(null, chunk);
          },
        }),
      );
      body.on("error", (error) => counted.destroy(error));
      const upload = new Upload({
        client,
        params: {
          Bucket: bucket,
          Key: assertValidKey(key),
          Body: counted,
          ContentType: contentType,
        },
        partSize: 8 * 1024 * 1024,
        queueSize: 2,
        leavePartsOnError: false,
      });
      await upload.done();
      return { size };
    },

    async readStream(key) {
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: assertValidKey(key) }),
        );
        if (!object.Body) return Readable.from([]);
        return object.Body as Readable;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async downloadUrl(key, filename, expiresInSeconds) {
      const safeName = filename.replace(/[^A-Za-z0-9._-]/g, "_");
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: assertValidKey(key),
        ResponseContentDisposition: `attachment; filename="${safeName}"`,
        ResponseCacheControl: "private, no-store",
      });
      return getSignedUrl(client, command, { expiresIn: expiresInSeconds });
    },

    async delete(keys) {
      const valid = [...new Set(keys.map(assertValidKey))];
      for (let start = 0; start < valid.length; start += DELETE_BATCH) {
        const batch = valid.slice(start, start + DELETE_BATCH);
        const result = await client.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = (result.Errors ?? []).filter((e) => e.Code !== "NoSuchKey");
        if (failed.length > 0) {
          throw new Error(`S3 delete failed for ${failed.length} key(s): ${failed[0]?.Code}`);
        }
      }
    },

    // CopyObject then DeleteObject: S3 has no rename. A crash between them leaves both copies; the
    // caller's retry (lib/media/jobs.ts) finds the target and deletes the source then.
    async move(from, to) {
      assertValidKey(from);
      assertValidKey(to);
      const type = imageTypeForKey(to) ?? imageTypeForKey(from);
      try {
        await client.send(
          new CopyObjectCommand({
            Bucket: bucket,
            Key: to,
            CopySource: `${bucket}/${from}`,
            ...(type
              ? {
                  MetadataDirective: "REPLACE",
                  ContentType: type,
                  CacheControl: isPublicKey(to) ? PUBLIC_CACHE_CONTROL : undefined,
                }
              : {}),
          }),
        );
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: from }));
      return true;
    },

    publicUrl(key) {
      return `${publicBase}/${assertValidKey(key)}`;
    },
  };
}
