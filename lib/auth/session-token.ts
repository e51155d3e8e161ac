import { decode, type JWT } from "next-auth/jwt";

// Reads next-auth's session cookie (an encrypted JWT) for proxy.ts and getCurrentUser, without
// next-auth's request pipeline: `auth()` decrypted the token, re-checked it, then encrypted a
// fresh one it threw away, on every request. Decrypted claims are kept in a small in-process LRU
// keyed by the exact token: the same token always decrypts to the same claims, expiry is checked
// on every hit, and whether the account still stands is checked against the database by the
// caller (lib/auth/session.ts), so the cache skips only the crypto.

/** __Secure- over HTTPS (next-auth's choice when the app URL is https), plain over HTTP. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];

type Cookie = { name: string; value: string };
export type CookieReader = { getAll(): Cookie[] };

/**
 * The session tokens these cookies carry with their cookie names (the salt each was encrypted
 * with), __Secure- first. next-auth splits a token over 4 KB into `name.0`, `name.1`, ... which
 * are joined in order here.
 */
export function readSessionCookies(cookies: CookieReader): { token: string; salt: string }[] {
  const all = cookies.getAll();
  const found: { token: string; salt: string }[] = [];
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = all.find((c) => c.name === name);
    if (whole?.value) {
      found.push({ token: whole.value, salt: name });
      continue;
    }
    const chunks = all
      .map((c) => ({ c, i: c.name.startsWith(`${name}.`) ? c.name.slice(name.length + 1) : "" }))
      .filter(({ i }) => /^\d+$/.test(i))
      .sort((a, b) => Number(a.i) - Number(b.i));
    if (chunks.length > 0)
      found.push({ token: chunks.map(({ c }) => c.value).join(""), salt: name });
  }
  return found;
}

/** The first session token of these cookies, or null. */
export function readSessionCookie(cookies: CookieReader): { token: string; salt: string } | null {
  return readSessionCookies(cookies)[0] ?? null;
}

const MAX_ENTRIES = 10_000;
const decoded = new Map<string, JWT>();

function unexpired(claims: JWT, nowMs: number): boolean {
  return typeof claims.exp !== "number" || claims.exp * 1000 > nowMs;
}

/**
 * The claims of a session token that decrypts with `secret` and has not expired, or null. A
 * forged, tampered, foreign or expired token is an ordinary signed-out visit, never an error.
 */
export async function decodeSessionToken(
  token: string,
  salt: string,
  secret: string,
): Promise<JWT | null> {
  const key = `${salt}\u0000${secret}\u0000${token}`;
  const now = Date.now();
  const hit = decoded.get(key);
  if (hit) {
    decoded.delete(key);
    if (!unexpired(hit, now)) return null;
    decoded.set(key, hit); // most recently used last
    return hit;
  }
  const claims = await decode({ token, secret, salt }).catch(() => null);
  if (!claims || !unexpired(claims, now)) return null;
  decoded.set(key, claims);
  if (decoded.size > MAX_ENTRIES) {
    const oldest = decoded.keys().next().value;
    if (oldest !== undefined) decoded.delete(oldest);
  }
  return claims;
}

/** The session claims carried by these cookies, or null when signed out. */
export async function sessionClaims(
  cookies: CookieReader,
  secret: string | undefined,
): Promise<JWT | null> {
  if (!secret) return null;
  // Both names can be present (a site moved from http to https): the first that decrypts wins.
  for (const cookie of readSessionCookies(cookies)) {
    const claims = await decodeSessionToken(cookie.token, cookie.salt, secret);
    if (claims) return claims;
  }
  return null;
}
