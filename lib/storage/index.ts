// No "server-only" here: db/seed.ts imports this module under tsx, where that package throws.
// The secrets stay on the server anyway, since lib/env refuses server settings in the browser.
import { drivers, env } from "@/lib/env";
import { createStorage, type StorageSettings } from "./create";
import type { Storage } from "./types";

export { createStorage, type StorageSettings } from "./create";
export type { CreateUploadOptions, Storage, UploadTarget } from "./types";

// One storage client per server process, kept on globalThis so dev reloads reuse it.
const store = globalThis as unknown as { __storage?: Storage };

/** The storage settings of this process, read once from lib/env. */
export function storageSettings(): StorageSettings {
  if (drivers.storage === "s3" && env.S3_BUCKET) {
    return {
      driver: "s3",
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      publicUrl: env.S3_PUBLIC_URL,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    };
  }
  return { driver: "local", dir: env.STORAGE_DIR, secret: env.AUTH_SECRET };
}

export function getStorage(): Storage {
  store.__storage ??= createStorage(storageSettings());
  return store.__storage;
}
