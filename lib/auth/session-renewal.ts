import { encode } from "next-auth/jwt";
import { SESSION_COOKIE_RENEW_SECONDS, SESSION_IDLE_SECONDS } from "./session-policy";
import { type CookieReader, decodeSessionToken, SESSION_COOKIE_NAMES } from "./session-token";

// Sliding sessions need a sliding cookie: the session row slides on the server (lib/auth/session.ts)
// but the cookie's encrypted token carries its own expiry, fixed when it was issued. proxy.ts
// re-issues a token older than SESSION_COOKIE_RENEW_SECONDS with the same claims and a fresh
// expiry, never past the session's hard maximum (`aexp`). This is safe without a database read:
// the session id inside is checked on every request, so a re-issued token of a session revoked
// meanwhile (a request that started before "Log out") is refused like the original.

export type RenewedCookie = {
  name: string;
  value: string;
  options: {
    httpOnly: true;
    sameSite: "lax";
    path: "/";
    secure: boolean;
    maxAge: number;
  };
};

/** The re-issued session cookie for these cookies, or null when none is due. */
export async function renewedSessionCookie(
  cookies: CookieReader,
  secret: string | undefined,
  nowMs = Date.now(),
): Promise<RenewedCookie | null> {
  if (!secret) return null;
  const all = cookies.getAll();
  // Whole cookies only: next-auth splits a token over 4 KB, ours stay far below that.
  for (const name of SESSION_COOKIE_NAMES) {
    const value = all.find((c) => c.name === name)?.value;
    if (!value) continue;
    const claims = await decodeSessionToken(value, name, secret);
    if (!claims) continue;
    const now = Math.floor(nowMs / 1000);
    if (typeof claims.exp !== "number" || typeof claims.aexp !== "number") return null;
    // Issued (or last renewed) less than a day ago: nothing to do.
    if (claims.exp - now > SESSION_IDLE_SECONDS - SESSION_COOKIE_RENEW_SECONDS) return null;
    const maxAge = Math.min(SESSION_IDLE_SECONDS, claims.aexp - now);
    if (maxAge <= 60) return null;
    const { exp: _exp, iat: _iat, jti: _jti, ...kept } = claims;
    return {
      name,
      value: await encode({ token: kept, secret, salt: name, maxAge }),
      options: {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: name.startsWith("__Secure-"),
        maxAge,
      },
    };
  }
  return null;
}
