import { type NextRequest, NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { USER_NOT_FOUND } from "@/lib/follows/validation";
import { cursorSchema } from "@/lib/posts/validation";
import { type ErrorCode, httpStatus } from "@/lib/result";
import { listSaved } from "@/lib/saves/queries";
import { getProfileView } from "@/lib/users/profile-queries";

type Context = { params: Promise<{ username: string }> };

const failure = (code: ErrorCode, message: string) =>
  NextResponse.json({ ok: false, code, message }, { status: httpStatus[code] });

/**
 * GET ?cursor=: the next page of the signed-in owner's saved posts as JSON Page<GridItem>.
 * Saved posts are private: 401 signed out, 403 for anyone but the owner.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const { username } = await params;
  const raw = request.nextUrl.searchParams.get("cursor");
  const cursor = raw ? cursorSchema.safeParse(raw) : null;
  if (cursor && !cursor.success) return failure("VALIDATION", "Invalid cursor.");
  try {
    const viewer = await getCurrentUser();
    if (!viewer) return failure("UNAUTHENTICATED", "Sign in to continue.");
    const db = getDb();
    const profile = await getProfileView(db, username, viewer.id);
    if (!profile) return failure("NOT_FOUND", USER_NOT_FOUND);
    if (profile.id !== viewer.id) return failure("FORBIDDEN", "Only you can see what you saved.");
    const page = await listSaved(db, { userId: viewer.id, cursor: cursor?.data });
    if (!page) return failure("VALIDATION", "Invalid cursor.");
    return NextResponse.json(page, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    console.error("saved page failed", err);
    return failure("INTERNAL", "Something went wrong. Please try again.");
  }
}
