import { type NextRequest, NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listFollowers } from "@/lib/follows/queries";
import { USER_NOT_FOUND } from "@/lib/follows/validation";
import { cursorSchema } from "@/lib/posts/validation";
import { type ErrorCode, httpStatus } from "@/lib/result";
import { getProfileView } from "@/lib/users/profile-queries";

type Context = { params: Promise<{ username: string }> };

const failure = (code: ErrorCode, message: string) =>
  NextResponse.json({ ok: false, code, message }, { status: httpStatus[code] });

/** GET ?cursor=: the next page of an account's followers, newest first, as JSON Page<PersonView>. */
export async function GET(request: NextRequest, { params }: Context) {
  const { username } = await params;
  const raw = request.nextUrl.searchParams.get("cursor");
  const cursor = raw ? cursorSchema.safeParse(raw) : null;
  if (cursor && !cursor.success) return failure("VALIDATION", "Invalid cursor.");
  try {
    const db = getDb();
    const viewer = await getCurrentUser();
    const viewerId = viewer?.id ?? null;
    // getProfileView answers null for a malformed name, a missing or a suspended account.
    const profile = await getProfileView(db, username, viewerId);
    if (!profile) return failure("NOT_FOUND", USER_NOT_FOUND);
    const page = await listFollowers(db, { userId: profile.id, viewerId, cursor: cursor?.data });
    if (!page) return failure("VALIDATION", "Invalid cursor.");
    return NextResponse.json(page, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    console.error("followers page failed", err);
    return failure("INTERNAL", "Something went wrong. Please try again.");
  }
}
