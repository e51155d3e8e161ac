import "server-only";
import { asc, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { postMedia } from "@/db/schema";
import { type ErrorCode, fail, httpStatus } from "@/lib/result";
import type { Storage } from "@/lib/storage/types";
import { keyAt, ownerOfKey } from "./locations";

// The photos of posts a moderator removed, kept privately as evidence: readable by moderators
// and admins only, through the app (never through the CDN), and never cached.

const ROUTE = "/api/moderation/evidence/";

/** Where a moderator's browser loads the evidence copy of a post photo's public key. */
export const evidenceUrl = (key: string) => `${ROUTE}${key}`;

const refuse = (code: ErrorCode, message: string) =>
  Response.json(fail(code, message), { status: httpStatus[code] });

/** GET /api/moderation/evidence/posts/<postId>/<file>: the evidence copy, for moderators only. */
export async function serveEvidence(
  viewer: { role: "user" | "moderator" | "admin" } | null,
  keyParts: string[],
  storage: Pick<Storage, "read">,
): Promise<Response> {
  if (!viewer) return refuse("UNAUTHENTICATED", "Sign in to see this.");
  if (viewer.role !== "moderator" && viewer.role !== "admin") {
    return refuse("FORBIDDEN", "Only moderators can see removed photos.");
  }
  const key = keyParts.join("/");
  if (ownerOfKey(key)?.kind !== "post") return refuse("NOT_FOUND", "Not found.");
  const body = await storage.read(keyAt("evidence", key));
  if (!body) return refuse("NOT_FOUND", "Not found.");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(body.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The smallest variant of each photo of these removed posts, as evidence URLs, in order. */
export async function evidenceThumbnails(
  db: Executor,
  postIds: string[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (postIds.length === 0) return found;
  const rows = await db
    .select({ postId: postMedia.postId, variants: postMedia.variants })
    .from(postMedia)
    .where(inArray(postMedia.postId, postIds))
    .orderBy(asc(postMedia.postId), asc(postMedia.position));
  for (const r of rows) {
    const smallest = [...r.variants].sort((a, b) => a.width - b.width)[0];
    if (!smallest) continue;
    found.set(r.postId, [...(found.get(r.postId) ?? []), evidenceUrl(smallest.key)]);
  }
  return found;
}
