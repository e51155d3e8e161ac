import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { unreadCount } from "@/lib/notifications/queries";
import { type ErrorCode, httpStatus } from "@/lib/result";

const failure = (code: ErrorCode, message: string) =>
  NextResponse.json({ ok: false, code, message }, { status: httpStatus[code] });

/** GET: { unreadCount } of the signed-in user, for the nav badge when live updates are off. */
export async function GET() {
  try {
    const viewer = await getCurrentUser();
    if (!viewer) return failure("UNAUTHENTICATED", "Sign in to continue.");
    const count = await unreadCount(getDb(), viewer.id);
    return NextResponse.json(
      { unreadCount: count },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  } catch (err) {
    console.error("unread count failed", err);
    return failure("INTERNAL", "Something went wrong. Please try again.");
  }
}
