import { type NextRequest, NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listExplorePage } from "@/lib/discover/queries";
import { cursorSchema } from "@/lib/posts/validation";
import { type ErrorCode, httpStatus } from "@/lib/result";

const failure = (code: ErrorCode, message: string) =>
  NextResponse.json({ ok: false, code, message }, { status: httpStatus[code] });

/** GET ?cursor=: the next page of the viewer's explore grid as JSON Page<GridItem>. */
export async function GET(request: NextRequest) {
  const raw = request.nextUrl.searchParams.get("cursor");
  const cursor = raw ? cursorSchema.safeParse(raw) : null;
  if (cursor && !cursor.success) return failure("VALIDATION", "Invalid cursor.");
  try {
    const viewer = await getCurrentUser();
    if (!viewer) return failure("UNAUTHENTICATED", "Sign in to continue.");
    const page = await listExplorePage(getDb(), { viewerId: viewer.id, cursor: cursor?.data });
    if (!page) return failure("VALIDATION", "Invalid cursor.");
    return NextResponse.json(page, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    console.error("explore page failed", err);
    return failure("INTERNAL", "Something went wrong. Please try again.");
  }
}
