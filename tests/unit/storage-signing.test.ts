import { describe, expect, it } from "vitest";
import {
  assertValidKey,
  imageTypeForKey,
  isPublicKey,
  isValidContentType,
  isValidKey,
} from "@/lib/storage/keys";
import { deriveSigningKey, signUpload, verifyUpload } from "@/lib/storage/signing";

const secret = "unit-test-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const signingKey = deriveSigningKey(secret);
const now = 1_800_000_000;
const grant = {
  key: "uploads/u1/slot-1",
  contentType: "image/jpeg",
  maxSize: 5_000_000,
  expires: now + 600,
};

describe("storage keys", () => {
  it.each(["uploads/0190a1b2-c3d4/slot", "posts/p1/abc-1080.webp", "avatars/u_1/a.b.jpg", "x"])(
    "accepts %s",
    (key) => {
      expect(isValidKey(key)).toBe(true);
      expect(assertValidKey(key)).toBe(key);
    },
  );

  it.each([
    ["traversal", "posts/../uploads/x"],
    ["traversal at the start", "../etc/passwd"],
    ["double dot inside a name", "posts/a..b"],
    ["dot segment", "posts/./x"],
    ["empty segment", "posts//x"],
    ["trailing slash", "posts/x/"],
    ["absolute path", "/etc/passwd"],
    ["uppercase", "Media/x.webp"],
    ["backslash", "media\\x"],
    ["space", "posts/a b"],
    ["percent encoding", "posts/%2e%2e/x"],
    ["leading dot", ".tmp/x"],
    ["NUL byte", "posts/x\u0000.webp"],
    ["empty", ""],
    ["too long", `media/${"a".repeat(300)}`],
  ])("refuses %s", (_, key) => {
    expect(isValidKey(key)).toBe(false);
    expect(() => assertValidKey(key)).toThrow(/invalid storage key/);
  });

  it("refuses non-strings", () => {
    expect(isValidKey(undefined)).toBe(false);
    expect(isValidKey(42)).toBe(false);
  });

  it("accepts exactly 300 characters", () => {
    expect(isValidKey("a".repeat(300))).toBe(true);
  });

  it("treats only media/ and avatars/ as public", () => {
    expect(isPublicKey("posts/p/1.webp")).toBe(true);
    expect(isPublicKey("avatars/u/1.webp")).toBe(true);
    expect(isPublicKey("uploads/u/1")).toBe(false);
    expect(isPublicKey("mediax/1.webp")).toBe(false);
    expect(isPublicKey("posts/../uploads/1")).toBe(false);
  });

  it("maps image extensions to types", () => {
    expect(imageTypeForKey("posts/p/1.webp")).toBe("image/webp");
    expect(imageTypeForKey("posts/p/1.jpg")).toBe("image/jpeg");
    expect(imageTypeForKey("posts/p/1.png")).toBe("image/png");
    expect(imageTypeForKey("posts/p/1.avif")).toBe("image/avif");
    expect(imageTypeForKey("posts/p/1.svg")).toBeNull();
    expect(imageTypeForKey("posts/p.webp/1")).toBeNull();
  });

  it("accepts bare media types only", () => {
    expect(isValidContentType("image/jpeg")).toBe(true);
    expect(isValidContentType("image/jpeg; charset=x")).toBe(false);
    expect(isValidContentType("image/jpeg\n")).toBe(false);
    expect(isValidContentType("jpeg")).toBe(false);
  });
});

describe("upload signatures", () => {
  const query = () => new URLSearchParams(signUpload(grant, signingKey));

  it("derives a key that is not the raw secret", () => {
    expect(signingKey.length).toBe(32);
    expect(signingKey.equals(Buffer.from(secret).subarray(0, 32))).toBe(false);
    expect(deriveSigningKey(secret).equals(signingKey)).toBe(true);
  });

  it("round-trips a signed grant", () => {
    expect(verifyUpload(grant.key, query(), signingKey, now)).toEqual({ ok: true, grant });
  });

  it("refuses another key", () => {
    const check = verifyUpload("uploads/u2/slot-1", query(), signingKey, now);
    expect(check).toEqual({ ok: false, reason: "bad-signature" });
  });

  it.each([
    ["type", "image/png"],
    ["max", "5000001"],
    ["exp", String(now + 6000)],
  ])("refuses a tampered %s", (name, value) => {
    const q = query();
    q.set(name, value);
    expect(verifyUpload(grant.key, q, signingKey, now)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("refuses a tampered signature", () => {
    const q = query();
    const sig = q.get("sig") ?? "";
    q.set("sig", `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`);
    expect(verifyUpload(grant.key, q, signingKey, now)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("refuses a signature made with another secret", () => {
    const other = deriveSigningKey(`${secret}-other`);
    const q = new URLSearchParams(signUpload(grant, other));
    expect(verifyUpload(grant.key, q, signingKey, now).ok).toBe(false);
  });

  it("refuses an expired grant, even when correctly signed", () => {
    expect(verifyUpload(grant.key, query(), signingKey, grant.expires)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(verifyUpload(grant.key, query(), signingKey, grant.expires - 1).ok).toBe(true);
  });

  it.each([
    ["a missing signature", { sig: null }],
    ["a missing type", { type: null }],
    ["a negative max", { max: "-1" }],
    ["a fractional exp", { exp: "1.5" }],
    ["a signature of the wrong length", { sig: "abc" }],
  ])("calls %s malformed", (_, changes: Record<string, string | null>) => {
    const q = query();
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) q.delete(name);
      else q.set(name, value);
    }
    expect(verifyUpload(grant.key, q, signingKey, now)).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses to sign an invalid grant", () => {
    expect(() => signUpload({ ...grant, key: "../x" }, signingKey)).toThrow();
    expect(() => signUpload({ ...grant, maxSize: 0 }, signingKey)).toThrow();
    expect(() => deriveSigningKey("short")).toThrow();
  });
});
