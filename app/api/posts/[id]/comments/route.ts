import { type NextRequest, NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { listComments } from "@/lib/comments/queries";
import { getDb } from "@/lib/db";
import { findVisiblePost } from "@/lib/likes/queries";
import { POST_NOT_FOUND } from "@/lib/likes/validation";
import { cursorSchema, postIdSchema } from "@/lib/posts/validation";
import { type ErrorCode, httpStatus } from "@/lib/result";

type Context = { params: Promise<{ id: string }> };

const failure = (code: ErrorCode, message: string) =>
  NextResponse.json({ ok: false, code, message }, { status: httpStatus[code] });

/** GET ?cursor=: the next page of a post's comments, newest first, as JSON Page<CommentView>. */
export async function GET(request: NextRequest, { params }: Context) {
  const { id } = await params;
  const raw = request.nextUrl.searchParams.get("cursor");
  const cursor = raw ? cursorSchema.safeParse(raw) : null;
  if (cursor && !cursor.success) return failure("VALIDATION", "Invalid cursor.");
  const postId = postIdSchema.safeParse(id);
  if (!postId.success) return failure("NOT_FOUND", POST_NOT_FOUND);
  try {
    const db = getDb();
    if (!(await findVisiblePost(db, postId.data))) return failure("NOT_FOUND", POST_NOT_FOUND);
    const viewer = await getCurrentUser();
    const page = await listComments(db, {
      postId: postId.data,
      viewerId: viewer?.id ?? null,
      cursor: cursor?.data,
    });
    if (!page) return failure("VALIDATION", "Invalid cursor.");
    return NextResponse.json(page, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    console.error("comments page failed", err);
    return failure("INTERNAL", "Something went wrong. Please try again.");
  }
}
