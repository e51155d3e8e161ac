// A signed-in session for the bench without the login form (tests/support/session-token.ts).
import type postgres from "postgres";
import { SESSION_COOKIE, sessionToken, type TokenUser } from "../../tests/support/session-token";

/** Signs the benches' own sessions and nothing else. */
export const BENCH_SECRET = "bench-only-auth-secret-not-used-anywhere-else-0123456789";

export type BenchUser = TokenUser;

/**
 * A `Cookie` header value that signs `user` in on a server using `secret`. Every request checks
 * the cookie's server-side session row (`sid`, lib/auth/session.ts), so one is inserted here, as a
 * sign-in would, valid for a day.
 */
export async function sessionCookie(
  sql: postgres.Sql,
  secret: string,
  user: BenchUser,
): Promise<string> {
  const [row] = await sql<{ id: string; aexp: number }[]>`
    insert into sessions (id, user_id, expires_at, absolute_expires_at, user_agent)
    values (gen_random_uuid(), ${user.id}, now() + interval '1 day', now() + interval '1 day', 'bench')
    returning id, extract(epoch from absolute_expires_at)::int as aexp`;
  if (!row) throw new Error(`no session row for ${user.username}`);
  const token = await sessionToken(secret, user, { sid: row.id, aexp: row.aexp });
  return `${SESSION_COOKIE}=${token}`;
}
