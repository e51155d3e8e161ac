// A signed-in session for the bench without the login form (tests/support/session-token.ts).
import { SESSION_COOKIE, sessionToken, type TokenUser } from "../../tests/support/session-token";

/** Signs the benches' own sessions and nothing else. */
export const BENCH_SECRET = "bench-only-auth-secret-not-used-anywhere-else-0123456789";

export type BenchUser = TokenUser;

/** A `Cookie` header value that signs `user` in on a server using `secret`. */
export async function sessionCookie(secret: string, user: BenchUser): Promise<string> {
  return `${SESSION_COOKIE}=${await sessionToken(secret, user)}`;
}
