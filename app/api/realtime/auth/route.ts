import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { authorizeChannelFor, getChannelSigner } from "@/lib/realtime";
import { fail, httpStatus, type Result } from "@/lib/result";

// pusher-js asks here (POST, form-encoded socket_id + channel_name) before it subscribes to a
// private channel; the signature lets this one socket join this one channel.
const MAX_BODY_CHARS = 2048;
const noStore = { "Cache-Control": "no-store" };

async function readForm(request: Request): Promise<URLSearchParams | null> {
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_CHARS) return null;
  const body = await request.text().catch(() => null);
  return body !== null && body.length <= MAX_BODY_CHARS ? new URLSearchParams(body) : null;
}

async function authorize(request: Request): Promise<Result<{ auth: string }>> {
  const user = await getCurrentUser();
  if (!user) return fail("UNAUTHENTICATED", "Sign in to continue.");
  const form = await readForm(request);
  if (!form) return fail("VALIDATION", "Send socket_id and channel_name as a form.");
  return authorizeChannelFor(
    user,
    form.get("socket_id") ?? undefined,
    form.get("channel_name") ?? undefined,
    getChannelSigner(),
  );
}

export async function POST(request: Request) {
  const result = await authorize(request);
  if (!result.ok) {
    return NextResponse.json(result, { status: httpStatus[result.code], headers: noStore });
  }
  return NextResponse.json(result.data, { headers: noStore });
}
