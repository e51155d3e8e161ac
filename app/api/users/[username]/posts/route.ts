import { type NextRequest, NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { listProfileGrid } from "@/lib/posts/queries";
import { cursorSchema } from "@/lib/posts/validation";
import { type ErrorCode, httpStatus } from "@/lib/result";
import { getProfileView } from "@/lib/users/profile-queries";

type Context = { params: Promise<{ username: string }> };

const USERNAME = /^[A-Za-z0-9._]{1,30}$/;

const failure = (code: ErrorCode, message: string) =>
  NextResponse.json({ ok: false, code, message }, { status: httpStatus[code] });

/** GET ?cursor=: the next page of a profile's grid as JSON Page<GridItem> (infinite scroll). */
export async function GET(request: NextRequest, { params }: Context) {
  const { username } = await params;
  const raw = request.nextUrl.searchParams.get("cursor");
  const cursor = raw ? cursorSchema.safeParse(raw) : null;
  if (cursor && !cursor.success) return failure("VALIDATION", "Invalid cursor.");
  if (!USERNAME.test(username)) return failure("NOT_FOUND", "User not found.");
  try {
    const db = getDb();
    const viewer = await getCurrentUser();
    const profile = await getProfileView(db, username, viewer?.id ?? null);
    if (!profile) return failure("NOT_FOUND", "User not found.");
    const page = await listProfileGrid(db, { userId: profile.id, cursor: cursor?.data });
    if (!page) return failure("VALIDATION", "Invalid cursor.");
    return NextResponse.json(page, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    console.error("profile grid page failed", err);
    return failure("INTERNAL", "Something went wrong. Please try again.");
  }
}
