import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renewedSessionCookie } from "@/lib/auth/session-renewal";
import { decodeSessionToken } from "@/lib/auth/session-token";

const SECRET = "unit-test-secret-0123456789-0123456789";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
const DAY = 24 * 60 * 60;

const jar = (cookies: Record<string, string>) => ({
  getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
});

const start = Date.UTC(2026, 0, 1);
const sid = "0190d3c4-0000-7000-8000-000000000001";
/** A token issued at `start` (30 days), whose session ends 90 days after it. */
async function issued(salt = PLAIN) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(start);
  const token = await encode({
    secret: SECRET,
    salt,
    maxAge: 30 * DAY,
    token: {
      sub: "user-1",
      username: "ana",
      role: "user",
      sv: 1,
      sid,
      aexp: start / 1000 + 90 * DAY,
    },
  });
  return token;
}

/** Renewal as proxy.ts does it, at `start + days`. */
async function renewAt(cookies: Record<string, string>, days: number) {
  vi.setSystemTime(start + days * DAY * 1000);
  return renewedSessionCookie(jar(cookies), SECRET, Date.now());
}

afterEach(() => {
  vi.useRealTimers();
});

describe("renewedSessionCookie", () => {
  it("leaves a cookie under a day old alone", async () => {
    const token = await issued();
    expect(await renewAt({ [PLAIN]: token }, 0.5)).toBeNull();
  });

  it("re-issues an older cookie with the same claims and a fresh 30-day expiry", async () => {
    const token = await issued();
    const renewed = await renewAt({ [PLAIN]: token }, 2);
    expect(renewed).toMatchObject({
      name: PLAIN,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false, maxAge: 30 * DAY },
    });
    const claims = await decodeSessionToken(renewed?.value ?? "", PLAIN, SECRET);
    expect(claims).toMatchObject({ sub: "user-1", sv: 1, sid });
    expect(claims?.exp).toBe(start / 1000 + 32 * DAY);
    // The old cookie would have died at day 30; the renewed one is still good on day 31.
    vi.setSystemTime(start + 31 * DAY * 1000);
    expect(await decodeSessionToken(token, PLAIN, SECRET)).toBeNull();
    expect(await decodeSessionToken(renewed?.value ?? "", PLAIN, SECRET)).not.toBeNull();
  });

  it("never renews past the session's hard maximum", async () => {
    const token = await issued(SECURE);
    const late = await renewAt({ [SECURE]: token }, 29);
    expect(late?.options).toMatchObject({ secure: true, maxAge: 30 * DAY });
    const later = await renewAt({ [SECURE]: late?.value ?? "" }, 50);
    expect(later?.options.maxAge).toBe(30 * DAY);
    const again = await renewAt({ [SECURE]: later?.value ?? "" }, 70);
    expect(again?.options.maxAge).toBe(20 * DAY);
    const claims = await decodeSessionToken(again?.value ?? "", SECURE, SECRET);
    expect(claims?.exp).toBe(start / 1000 + 90 * DAY);
  });

  it("ignores a foreign, expired, or pre-sessions cookie", async () => {
    const token = await issued();
    expect(await renewAt({ [PLAIN]: `${token}x` }, 2)).toBeNull();
    expect(await renewAt({ [PLAIN]: token }, 31)).toBeNull();
    const old = await encode({ secret: SECRET, salt: PLAIN, token: { sub: "user-1", sv: 1 } });
    expect(await renewAt({ [PLAIN]: old }, 2)).toBeNull();
    expect(await renewedSessionCookie(jar({ [PLAIN]: token }), undefined)).toBeNull();
  });
});
