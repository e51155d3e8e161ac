import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { signInWait } from "@/lib/auth/accounts";
import { clientIp } from "@/lib/auth/ip";
import { getAccountLimits } from "@/lib/auth/server-limits";
import { signInSchema } from "@/lib/auth/validation";
import { getDb } from "@/lib/db";
import { tooManyMessage } from "@/lib/rate-limit";

export const { GET } = handlers;

// Sign-ins posted straight to next-auth's endpoint meet the same limits as the login form,
// answered with HTTP 429 and Retry-After.
export async function POST(req: NextRequest) {
  if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    // The same rules as the form: a malformed identifier (a NUL byte, too long) looks nothing up
    // here, and next-auth's authorize refuses it.
    const identifier = signInSchema.shape.identifier.safeParse(form?.get("identifier"));
    const wait = await signInWait(
      getDb(),
      getAccountLimits(),
      identifier.success ? identifier.data : "",
      clientIp(req.headers),
    );
    if (wait > 0) {
      return Response.json(
        { ok: false, code: "RATE_LIMITED", message: tooManyMessage(wait, "sign-in attempts") },
        { status: 429, headers: { "Retry-After": String(Math.ceil(wait / 1000)) } },
      );
    }
  }
  return handlers.POST(req);
}
