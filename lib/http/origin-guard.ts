import { createHash, timingSafeEqual } from "node:crypto";

// Behind a CDN, the app's own origin (on AWS: the server function's URL) must answer only the CDN.
// The CDN's viewer-request function writes ORIGIN_SECRET into this header on every request (a
// copy sent by a viewer is overwritten); a request without it came around the CDN, where headers
// such as the client address (CLIENT_IP_HEADER) could be forged. proxy.ts answers those 403.

export const ORIGIN_SECRET_HEADER = "x-origin-verify";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** True when no origin secret is configured, or the request carries it (compared in constant time). */
export function cameThroughEdge(headers: Headers, secret: string | undefined): boolean {
  if (!secret) return true;
  // Only the first value: a second copy would have been appended by the viewer.
  const sent = headers.get(ORIGIN_SECRET_HEADER)?.split(",")[0]?.trim();
  if (!sent) return false;
  return timingSafeEqual(digest(sent), digest(secret));
}
