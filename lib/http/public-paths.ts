// Which paths a signed-out visitor may open: proxy.ts sends everyone else to /login (pages) or
// answers 401 (API routes). tests/unit/public-paths.test.ts reads app/ so that this cannot drift
// from the pages and routes that exist.

/** Paths open to everyone; anything not listed (and not a profile) needs a session. */
const publicPaths = [
  /^\/login$/,
  /^\/register$/,
  /^\/forgot-password$/,
  /^\/reset-password$/,
  // The mailed e-mail links work on any device, signed in or not.
  /^\/verify-email$/,
  /^\/undo-email-change$/,
  /^\/api\/auth(\/|$)/,
  // /api/health/deep answers 404 without its token (HEALTH_TOKEN).
  /^\/api\/health(\/deep)?$/,
  /^\/dev\/outbox(\/|$)/,
  /^\/media\//,
  /^\/api\/uploads\//,
  // Posts and profiles are public, as on Instagram (and for link previews).
  /^\/p\/[^/]+$/,
  /^\/api\/users\/[^/]+\/(posts|followers|following)$/,
  /^\/api\/posts\/[^/]+\/(comments|likes)$/,
  // One comment, fetched by open pages of a public post on a live comment.added.
  /^\/api\/posts\/[^/]+\/comments\/[^/]+$/,
  /^\/api\/comments\/[^/]+\/replies$/,
  // A public post's live channel (the route still answers 401 for user channels when signed out).
  /^\/api\/realtime\/auth$/,
  // Whose session this is ({ id: null } signed out): pages restored by Back ask (session-check).
  /^\/api\/viewer$/,
  // A mailed "Download your information" link: the route checks the session itself and sends a
  // signed-out visitor to sign in (a JSON 401 from the proxy would be a dead end in a mail).
  /^\/api\/data-exports\/[^/]+$/,
];

/**
 * The top-level pages of app/(main) for signed-in people only; every other single segment
 * (`/ana`) is a profile, public.
 */
export const PRIVATE_TOP_LEVEL: ReadonlySet<string> = new Set([
  "accounts",
  "admin",
  "create",
  "explore",
  "notifications",
]);

const profilePath = /^\/([A-Za-z0-9._]{1,30})\/?$/;

/** Whether a signed-out visitor may open this path (page or API route). */
export function isPublicPath(pathname: string): boolean {
  if (publicPaths.some((p) => p.test(pathname))) return true;
  const profile = profilePath.exec(pathname)?.[1];
  return profile !== undefined && !PRIVATE_TOP_LEVEL.has(profile.toLowerCase());
}
