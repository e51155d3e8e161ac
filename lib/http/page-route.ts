import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import { cursorSchema } from "@/lib/posts/validation";
import { type ErrorCode, type Failure, httpStatus } from "@/lib/result";
import type { Page } from "@/lib/shared/post-views";

// The shared body of every `GET ?cursor=` list route: the cursor checked before any query, one
// JSON error shape with the status of its code, and no 500 for anything a client can send.

export const INVALID_CURSOR = "Invalid cursor.";

export function jsonFailure(code: ErrorCode, message: string) {
  return NextResponse.json({ ok: false, code, message }, { status: httpStatus[code] });
}

/**
 * Answers one page as JSON. `load` gets the checked cursor and returns the page, null for a
 * cursor the query refused, or a Failure (not found, sign-in required, forbidden).
 */
export async function respondWithPage<T>(
  request: NextRequest,
  label: string,
  load: (cursor: string | undefined) => Promise<Page<T> | Failure | null>,
): Promise<NextResponse> {
  const raw = request.nextUrl.searchParams.get("cursor");
  const cursor = raw ? cursorSchema.safeParse(raw) : null;
  if (cursor && !cursor.success) return jsonFailure("VALIDATION", INVALID_CURSOR);
  try {
    const page = await load(cursor?.data);
    if (page === null) return jsonFailure("VALIDATION", INVALID_CURSOR);
    if ("ok" in page) return jsonFailure(page.code, page.message);
    return NextResponse.json(page, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    console.error(`${label} failed`, err);
    return jsonFailure("INTERNAL", "Something went wrong. Please try again.");
  }
}
