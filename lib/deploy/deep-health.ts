import "server-only";
import { timingSafeEqual } from "node:crypto";
import sharp from "sharp";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { makeDemoPhoto } from "@/lib/images/demo";
import { processPostPhoto } from "@/lib/images/process";

// The native parts a deployed bundle can silently lack (OpenNext leaves sharp out unless told):
// renders a photo and runs it through the real post pipeline, then hashes and verifies a password.

export function tokenMatches(expected: string | undefined, given: string | null): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

type Check = { ok: true; ms: number; detail: string } | { ok: false; ms: number; error: string };

async function timed(run: () => Promise<string>): Promise<Check> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const detail = await run();
    return { ok: true, ms: ms(), detail };
  } catch (error) {
    return { ok: false, ms: ms(), error: error instanceof Error ? error.message : String(error) };
  }
}

export async function checkNativeParts() {
  const images = await timed(async () => {
    const original = await makeDemoPhoto(3, { width: 640, height: 480 });
    const photo = await processPostPhoto(original, { aspect: "1:1", widths: [320] });
    const variant = photo.variants[0];
    if (!variant) throw new Error("no variant rendered");
    if (variant.width !== 320 || variant.height !== 320) throw new Error("unexpected variant size");
    const meta = await sharp(variant.data).metadata();
    if (meta.format !== "webp") throw new Error(`variant is ${meta.format}, expected webp`);
    return `sharp ${sharp.versions.sharp ?? "?"}, libvips ${sharp.versions.vips}: 640x480 jpeg -> 320x320 webp`;
  });
  const passwords = await timed(async () => {
    const hash = await hashPassword("deep-health-check");
    if (!hash.startsWith("$argon2id$")) throw new Error("not an argon2id hash");
    if (!(await verifyPassword(hash, "deep-health-check"))) throw new Error("verify failed");
    if (await verifyPassword(hash, "wrong")) throw new Error("verify accepted a wrong password");
    return "argon2id hash + verify";
  });
  return { ok: images.ok && passwords.ok, sharp: images, argon2: passwords };
}
