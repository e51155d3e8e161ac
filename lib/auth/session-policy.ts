// How long a sign-in lasts. Edge-safe (no database): shared by lib/auth/config.ts, proxy.ts and the
// server-side session checks.

const MINUTE = 60;
const DAY = 24 * 60 * MINUTE;

/** A session unused this long ends (idle timeout); each use pushes its end forward again. */
export const SESSION_IDLE_SECONDS = 30 * DAY;
/** No session lasts longer than this after its sign-in, however much it is used. */
export const SESSION_ABSOLUTE_SECONDS = 90 * DAY;
/** last_seen_at (and the sliding expiry with it) is written at most this often per session. */
export const SESSION_TOUCH_SECONDS = 5 * MINUTE;
/** A session cookie older than this is re-issued on the next page visit, with a fresh expiry. */
export const SESSION_COOKIE_RENEW_SECONDS = DAY;
/** Revoked and expired sessions are kept this long (Settings, support), then deleted. */
export const SESSION_KEEP_ENDED_SECONDS = 7 * DAY;
