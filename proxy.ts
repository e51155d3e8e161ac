import { type NextRequest, NextResponse } from "next/server";
import { renewedSessionCookie } from "@/lib/auth/session-renewal";
import { sessionClaims } from "@/lib/auth/session-token";
import { refuseOversizedAction } from "@/lib/http/body-limit";
import { cameThroughEdge } from "@/lib/http/origin-guard";
import { pagePolicy } from "@/lib/http/page-csp";
import { isPublicPath } from "@/lib/http/public-paths";

// Signed-out visitors of private pages go to /login?next=<path>. This only reads the cookie; pages
// and actions re-check the session against the database (suspension, "sign out everywhere", a
// revoked or expired session row). next-auth's middleware wrapper re-issued the cookie on every
// request; here it is re-issued only once a day while used (renewSessionCookie), which is safe
// because the session id inside is checked per request: a response to a request started before
// "Log out" can bring the cookie back, but not the session.

/** Whether the request carries a session token that decrypts with our secret and has not expired. */
async function hasSessionToken(req: NextRequest): Promise<boolean> {
  return (await sessionClaims(req.cookies, process.env.AUTH_SECRET)) !== null;
}

export default async function proxy(req: NextRequest) {
  // Behind a CDN (ORIGIN_SECRET set): only requests the CDN forwarded (lib/http/origin-guard.ts).
  if (!cameThroughEdge(req.headers, process.env.ORIGIN_SECRET)) {
    return new NextResponse("Forbidden", { status: 403 });
  }
  // Photos of the local storage driver: public, cached by the browser for an hour as their route
  // says. A page's policy, caching and renewed session cookie on them would make every photo
  // revalidate, let a shared cache refuse (or keep) it, and cost each image two decryptions.
  if (req.nextUrl.pathname.startsWith("/media/")) return NextResponse.next();
  return renewSessionCookie(req, await route(req));
}

/**
 * Page visits (GET) re-issue a session cookie over a day old with a fresh expiry (capped at the
 * session's hard maximum), so a session in use does not end with its first cookie. Never on
 * POST: a server action that signs out clears the cookie in the same response.
 */
async function renewSessionCookie(req: NextRequest, res: NextResponse): Promise<NextResponse> {
  if (req.method !== "GET") return res;
  const renewed = await renewedSessionCookie(req.cookies, process.env.AUTH_SECRET);
  if (renewed) res.cookies.set(renewed.name, renewed.value, renewed.options);
  return res;
}

async function route(req: NextRequest): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  const oversized = await refuseOversizedAction(req);
  if (oversized) return oversized;
  const api = pathname.startsWith("/api/");
  if (isPublicPath(pathname) || (await hasSessionToken(req))) {
    // Pages learn their own path (requireUser's /login?next=); API routes never need it, and
    // overriding request headers costs every request a copy of them.
    if (api) return NextResponse.next();
    const requestHeaders = new Headers(req.headers);
    requestHeaders.set("x-pathname", `${pathname}${search}`);
    // Next.js reads the nonce from the request's policy and puts it on its scripts.
    const { nonce, policy } = pagePolicy();
    requestHeaders.set("content-security-policy", policy);
    requestHeaders.set("x-nonce", nonce);
    const res = NextResponse.next({ request: { headers: requestHeaders } });
    res.headers.set("Content-Security-Policy", policy);
    if (req.method === "GET") setPageCaching(res);
    return res;
  }
  if (api) {
    return NextResponse.json(
      { ok: false, code: "UNAUTHENTICATED", message: "Sign in to continue." },
      { status: 401 },
    );
  }
  const login = new URL("/login", req.nextUrl.origin);
  if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

/**
 * Pages may be kept for Back and Forward (the back/forward cache) but never reused without asking
 * the server: Next.js would send `no-store`, which keeps every page out of that cache. `private`:
 * no shared cache stores them. A page shown again by Back or Forward (from the back/forward cache
 * or the browser's HTTP cache) re-checks the session and reloads when it changed
 * (components/providers/session-check.tsx). Next.js replaces a Vary set here, so `Vary: Cookie`
 * is not an option.
 */
function setPageCaching(res: NextResponse) {
  res.headers.set("Cache-Control", "private, no-cache, max-age=0, must-revalidate");
}

export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|icon|apple-icon|icons/|manifest.webmanifest|sw.js|offline.html|robots.txt).*)",
  ],
};
