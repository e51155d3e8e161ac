import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { Db } from "@/db/client";
import { registerAccount } from "@/lib/auth/accounts";
import { createLocalStorage, type LocalStorage } from "@/lib/storage/local";
import { newAccount } from "./fixtures";

/** A local storage driver in a fresh temp folder; `remove()` deletes the folder. */
export function tempStorage(): LocalStorage & { dir: string; remove(): void; empty(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "snapgram-storage-"));
  const storage = createLocalStorage({
    dir,
    secret: "test-only-secret-not-used-anywhere-else-0123456789",
  });
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const empty = () => {
    remove();
    mkdirSync(dir, { recursive: true });
  };
  return Object.assign(storage, { dir, remove, empty });
}

/** A JPEG of the given size with a colour gradient. */
export async function jpeg(width = 1600, height = 1200, color = "#3b82f6"): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

export async function createUser(db: Db, overrides: Record<string, string> = {}) {
  const result = await registerAccount(db, newAccount(overrides));
  if (!result.ok) throw new Error(`could not create user: ${result.message}`);
  return result.data;
}
