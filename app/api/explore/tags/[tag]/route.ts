import { type NextRequest, NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { tagPage } from "@/lib/discover/queries";
import { normalizeTag } from "@/lib/discover/validation";
import { cursorSchema } from "@/lib/posts/validation";
import { type ErrorCode, httpStatus } from "@/lib/result";

type Context = { params: Promise<{ tag: string }> };

const failure = (code: ErrorCode, message: string) =>
  NextResponse.json({ ok: false, code, message }, { status: httpStatus[code] });

/** GET ?cursor=: the next page of a tag's recent posts as JSON Page<GridItem>. */
export async function GET(request: NextRequest, { params }: Context) {
  const { tag } = await params;
  const raw = request.nextUrl.searchParams.get("cursor");
  const cursor = raw ? cursorSchema.safeParse(raw) : null;
  if (cursor && !cursor.success) return failure("VALIDATION", "Invalid cursor.");
  if (!normalizeTag(tag)) return failure("NOT_FOUND", "Tag not found.");
  try {
    const viewer = await getCurrentUser();
    if (!viewer) return failure("UNAUTHENTICATED", "Sign in to continue.");
    const page = await tagPage(getDb(), {
      tag,
      viewerId: viewer.id,
      cursor: cursor?.data,
      withTop: false,
    });
    if (!page) return failure("VALIDATION", "Invalid cursor.");
    return NextResponse.json(page.recent, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    console.error("tag page failed", err);
    return failure("INTERNAL", "Something went wrong. Please try again.");
  }
}
