// A signed-in session for the bench without the login form: the same encrypted JWT next-auth
// issues (same secret, salt = cookie name), with the claims lib/auth's callbacks expect.
import { encode } from "next-auth/jwt";

/** Signs the benches' own sessions and nothing else. */
export const BENCH_SECRET = "bench-only-auth-secret-not-used-anywhere-else-0123456789";

/** next-auth's cookie name over plain http (the bench server is not https). */
export const SESSION_COOKIE = "authjs.session-token";

export type BenchUser = {
  id: string;
  username: string;
  name: string;
  role: "user" | "moderator" | "admin";
  sessionVersion: number;
};

/** A `Cookie` header value that signs `user` in on a server using `secret`. */
export async function sessionCookie(secret: string, user: BenchUser): Promise<string> {
  const token = await encode({
    secret,
    salt: SESSION_COOKIE,
    maxAge: 60 * 60,
    token: {
      sub: user.id,
      name: user.name,
      username: user.username,
      role: user.role,
      sv: user.sessionVersion,
    },
  });
  return `${SESSION_COOKIE}=${token}`;
}
