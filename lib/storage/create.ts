// Builds a storage driver from plain settings, without lib/env or Next.js, so tests and scripts
// (db/seed.ts via tsx) can use it; the app itself calls getStorage() from lib/storage.
import { createLocalStorage, type LocalStorageSettings } from "./local";
import { createS3Storage, type S3StorageSettings } from "./s3";
import type { Storage } from "./types";

export type StorageSettings =
  | ({ driver: "local" } & LocalStorageSettings)
  | ({ driver: "s3" } & S3StorageSettings);

export function createStorage(settings: StorageSettings): Storage {
  return settings.driver === "s3" ? createS3Storage(settings) : createLocalStorage(settings);
}
