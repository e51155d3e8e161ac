import { NextResponse } from "next/server";

// The manifest's share_target posts shared photos here. The service worker (public/sw.js)
// answers that POST itself (it keeps the files for /create?shared=1); this route only meets a
// share that arrives before the worker is active, and opens the create flow empty.
export function POST(request: Request) {
  return NextResponse.redirect(new URL("/create", request.url), 303);
}
