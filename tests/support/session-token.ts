// A signed-in session without the login form, for tests and benches: the same encrypted JWT
// next-auth issues (same secret, salt = cookie name), with the claims lib/auth's callbacks expect.
import { encode } from "next-auth/jwt";

/** next-auth's cookie name over plain http (test and bench servers are not https). */
export const SESSION_COOKIE = "authjs.session-token";

export type TokenUser = {
  id: string;
  username: string;
  name: string;
  role: "user" | "moderator" | "admin";
  sessionVersion: number;
};

/** The session cookie's value for `user` on a server using `secret`, valid for an hour. */
export function sessionToken(
  secret: string,
  user: TokenUser,
  /** More claims, e.g. the server-side session row (`sid`, `aexp`). */
  claims: Record<string, unknown> = {},
): Promise<string> {
  return encode({
    secret,
    salt: SESSION_COOKIE,
    maxAge: 60 * 60,
    token: {
      sub: user.id,
      name: user.name,
      username: user.username,
      role: user.role,
      sv: user.sessionVersion,
      ...claims,
    },
  });
}
