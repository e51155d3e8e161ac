// Signed upload URLs of the local driver: the URL itself is the permission to PUT one file of one
// type and at most one size, until it expires. Pure (node:crypto only), so it is unit-tested alone.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { isValidContentType, isValidKey } from "./keys";

const HKDF_INFO = "snapgram/storage/upload-url/v1";
const MESSAGE_TAG = "snapgram-upload-v1";
/** Largest upload a URL may allow (1 GiB); far above what the app accepts, it only bounds input. */
export const MAX_SIGNED_SIZE = 1024 * 1024 * 1024;

export interface UploadGrant {
  key: string;
  contentType: string;
  /** Largest accepted body in bytes. */
  maxSize: number;
  /** Unix time in seconds after which the URL is refused. */
  expires: number;
}

export type UploadCheck =
  | { ok: true; grant: UploadGrant }
  | { ok: false; reason: "malformed" | "bad-signature" | "expired" };

/** The HMAC key for upload URLs, derived from AUTH_SECRET so the raw secret signs nothing here. */
export function deriveSigningKey(secret: string): Buffer {
  if (secret.length < 32) throw new Error("the storage signing secret must be 32+ characters");
  return Buffer.from(hkdfSync("sha256", secret, "", HKDF_INFO, 32));
}

function digest(grant: UploadGrant, signingKey: Buffer): Buffer {
  const message = JSON.stringify([
    MESSAGE_TAG,
    grant.key,
    grant.contentType,
    grant.maxSize,
    grant.expires,
  ]);
  return createHmac("sha256", signingKey).update(message).digest();
}

function isWellFormed(grant: UploadGrant): boolean {
  return (
    isValidKey(grant.key) &&
    isValidContentType(grant.contentType) &&
    Number.isSafeInteger(grant.maxSize) &&
    grant.maxSize > 0 &&
    grant.maxSize <= MAX_SIGNED_SIZE &&
    Number.isSafeInteger(grant.expires) &&
    grant.expires > 0
  );
}

/** The query string (without "?") that grants one upload: type, max, exp and sig. */
export function signUpload(grant: UploadGrant, signingKey: Buffer): string {
  if (!isWellFormed(grant)) throw new Error("invalid upload grant");
  const query = new URLSearchParams({
    type: grant.contentType,
    max: String(grant.maxSize),
    exp: String(grant.expires),
    sig: digest(grant, signingKey).toString("base64url"),
  });
  return query.toString();
}

const DECIMAL = /^[1-9][0-9]{0,15}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/** Checks an upload URL's query for `key` at `nowSeconds`; constant-time signature comparison. */
export function verifyUpload(
  key: string,
  query: URLSearchParams,
  signingKey: Buffer,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): UploadCheck {
  const type = query.get("type");
  const max = query.get("max");
  const exp = query.get("exp");
  const sig = query.get("sig");
  if (type === null || max === null || exp === null || sig === null) {
    return { ok: false, reason: "malformed" };
  }
  if (!DECIMAL.test(max) || !DECIMAL.test(exp) || !SIGNATURE.test(sig)) {
    return { ok: false, reason: "malformed" };
  }
  const grant: UploadGrant = {
    key,
    contentType: type,
    maxSize: Number(max),
    expires: Number(exp),
  };
  if (!isWellFormed(grant)) return { ok: false, reason: "malformed" };
  const given = Buffer.from(sig, "base64url");
  const expected = digest(grant, signingKey);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "bad-signature" };
  }
  if (nowSeconds >= grant.expires) return { ok: false, reason: "expired" };
  return { ok: true, grant };
}
