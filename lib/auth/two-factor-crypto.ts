import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Sealed strings for two-factor sign-in: AES-256-GCM with a key derived (HKDF-SHA256) from the
// app's secret for one purpose only, so a sealed TOTP secret can never be opened as a sign-in
// ticket or the other way round. A sealed string is base64url(iv | tag | ciphertext).

export type SealPurpose = "two-factor-secret" | "two-factor-ticket";

const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyFor(appSecret: string, purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "snapgram", `${purpose} v1`, 32));
}

export function seal(appSecret: string, purpose: SealPurpose, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(appSecret, purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The plaintext, or null for anything not sealed with this secret and purpose (or altered). */
export function unseal(appSecret: string, purpose: SealPurpose, sealed: string): string | null {
  const raw = Buffer.from(sealed, "base64url");
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      keyFor(appSecret, purpose),
      raw.subarray(0, IV_BYTES),
    );
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const body = raw.subarray(IV_BYTES + TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
