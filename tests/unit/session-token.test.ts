import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken, readSessionCookie, sessionClaims } from "@/lib/auth/session-token";

const SECRET = "unit-test-secret-0123456789-0123456789";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";

const jar = (cookies: Record<string, string>) => ({
  getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
});

const token = (salt = PLAIN, maxAge = 3600, secret = SECRET) =>
  encode({ secret, salt, maxAge, token: { sub: "user-1", username: "ana", sv: 0 } });

afterEach(() => {
  vi.useRealTimers();
});

describe("readSessionCookie", () => {
  it("prefers the __Secure- cookie and names the salt it was encrypted with", () => {
    expect(readSessionCookie(jar({ [PLAIN]: "p", [SECURE]: "s" }))).toEqual({
      token: "s",
      salt: SECURE,
    });
    expect(readSessionCookie(jar({ [PLAIN]: "p", other: "x" }))).toEqual({
      token: "p",
      salt: PLAIN,
    });
  });

  it("joins a token next-auth split into numbered chunks, in number order", () => {
    const cookies = jar({ [`${PLAIN}.10`]: "k", [`${PLAIN}.2`]: "c", [`${PLAIN}.0`]: "a" });
    expect(readSessionCookie(cookies)).toEqual({ token: "ack", salt: PLAIN });
  });

  it("finds nothing without a session cookie", () => {
    expect(readSessionCookie(jar({ "authjs.csrf-token": "x", [`${PLAIN}.x`]: "y" }))).toBeNull();
  });
});

describe("decodeSessionToken", () => {
  it("returns the claims of a token encrypted with our secret for that cookie name", async () => {
    const claims = await decodeSessionToken(await token(), PLAIN, SECRET);
    expect(claims).toMatchObject({ sub: "user-1", username: "ana", sv: 0 });
  });

  it("refuses a tampered token, another secret, and another cookie name", async () => {
    const good = await token();
    const flipped = `${good.slice(0, -4)}${good.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await decodeSessionToken(flipped, PLAIN, SECRET)).toBeNull();
    expect(await decodeSessionToken(good, PLAIN, `${SECRET}-other`)).toBeNull();
    expect(await decodeSessionToken(good, SECURE, SECRET)).toBeNull();
    expect(await decodeSessionToken("not-a-jwt", PLAIN, SECRET)).toBeNull();
  });

  it("stops accepting a token once it expires, even after it was decoded and kept", async () => {
    const short = await token(PLAIN, 60);
    expect(await decodeSessionToken(short, PLAIN, SECRET)).not.toBeNull();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await decodeSessionToken(short, PLAIN, SECRET)).toBeNull();
  });
});

describe("sessionClaims", () => {
  it("reads the claims from a cookie jar, and nothing without a secret", async () => {
    const cookies = jar({ [SECURE]: await token(SECURE) });
    expect(await sessionClaims(cookies, SECRET)).toMatchObject({ sub: "user-1" });
    expect(await sessionClaims(cookies, undefined)).toBeNull();
    expect(await sessionClaims(jar({}), SECRET)).toBeNull();
    // A stale __Secure- cookie does not hide a good plain one.
    const both = jar({ [SECURE]: "stale", [PLAIN]: await token(PLAIN) });
    expect(await sessionClaims(both, SECRET)).toMatchObject({ sub: "user-1" });
  });
});
