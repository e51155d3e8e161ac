import { type NextRequest, NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { type ErrorCode, httpStatus } from "@/lib/result";
import { listRecentSearches, searchTypeahead } from "@/lib/search/queries";

const failure = (code: ErrorCode, message: string) =>
  NextResponse.json({ ok: false, code, message }, { status: httpStatus[code] });

/**
 * GET ?q=: the typeahead as JSON { users, tags }; with an empty q, the viewer's recent searches
 * too ({ users: [], tags: [], recent }). Any q is accepted (garbage finds nothing).
 */
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get("q") ?? "";
  try {
    const viewer = await getCurrentUser();
    if (!viewer) return failure("UNAUTHENTICATED", "Sign in to continue.");
    const db = getDb();
    const body = q.trim()
      ? await searchTypeahead(db, { q, viewerId: viewer.id })
      : { users: [], tags: [], recent: await listRecentSearches(db, viewer.id) };
    return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    console.error("search failed", err);
    return failure("INTERNAL", "Something went wrong. Please try again.");
  }
}
