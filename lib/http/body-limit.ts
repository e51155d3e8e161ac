import { NextResponse } from "next/server";

// Server actions take at most ACTION_BODY_LIMIT_BYTES (next.config.ts serverActions.bodySizeLimit:
// photos never go through an action, they are PUT to an upload URL). Next.js answers a bigger
// body with a 500 (its action handler throws a 413 ApiError that it does not map), so proxy.ts
// refuses it first: 413 by Content-Length before the body is read, and for a chunked body (no
// Content-Length) by counting the copy Next.js hands the proxy, stopping at the limit.

export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
const LIMIT_TEXT = "1 MB";

function tooLarge() {
  return NextResponse.json(
    {
      ok: false,
      code: "VALIDATION",
      message: `This request is too large (at most ${LIMIT_TEXT}).`,
    },
    { status: 413 },
  );
}

/** Whether a readable body carries more than `limit` bytes; reads no further than that. */
async function exceeds(body: ReadableStream<Uint8Array>, limit: number): Promise<boolean> {
  const reader = body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      size += value.byteLength;
      if (size > limit) return true;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/**
 * Whether Next.js may treat this POST as a server action: the Next-Action header, or (a form
 * submitted before hydration) any multipart or urlencoded form posted to a page.
 */
function mayBeAction(req: Request): boolean {
  if (req.method !== "POST") return false;
  if (req.headers.has("next-action")) return true;
  const type = req.headers.get("content-type")?.toLowerCase() ?? "";
  const form =
    type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
  return form && !new URL(req.url).pathname.startsWith("/api/");
}

/** A 413 for a server-action POST whose body is over the limit; null for everything else. */
export async function refuseOversizedAction(req: Request): Promise<NextResponse | null> {
  if (!mayBeAction(req)) return null;
  const declared = req.headers.get("content-length");
  if (declared !== null) {
    return Number(declared) > ACTION_BODY_LIMIT_BYTES ? tooLarge() : null;
  }
  if (!req.body) return null;
  return (await exceeds(req.body, ACTION_BODY_LIMIT_BYTES)) ? tooLarge() : null;
}
