import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import { type CurrentUser, getCurrentUser } from "@/lib/auth";
import { readCursor } from "@/lib/pagination/page-params";
import { type ErrorCode, type Failure, httpStatus } from "@/lib/result";

// The shared body of every JSON route handler: the cursor checked before any query, the path's
// own checks, the session (required or optional), one JSON error shape with the status of its
// code, and no 500 for anything a client can send (an unexpected error is logged, never shown).

const INVALID_CURSOR = "Invalid cursor.";
const SIGN_IN = "Sign in to continue.";
const SOMETHING_WRONG = "Something went wrong. Please try again.";

/** What a route's body is given, all checked before it runs. */
export type RouteInput<P, V> = {
  request: Request;
  params: P;
  viewer: V;
  /** The checked `?cursor=` (routes with `cursor: true`); undefined for a first page. */
  cursor: string | undefined;
  search: URLSearchParams;
};

export type RouteOptions<P> = {
  /** Names the route in the log line of an unexpected error ("<label> failed"). */
  label: string;
  /** "required": a signed-out request is answered 401 before the body runs. */
  viewer: "required" | "optional";
  /** Reads `?cursor=`: one that cannot be a cursor is a 400 before anything else. */
  cursor?: boolean;
  /** Checks of the path's params that need no session (a malformed tag is a 404 signed out too). */
  check?: (params: P) => Failure | null;
  /** Cache-Control of the data (default "private, no-store") and of failures (default none). */
  cache?: { success: string; failure?: string };
};

/** A body's answer: the JSON data, a Failure (sent with its status), or null for a refused cursor. */
export type RouteAnswer = object | Failure | null;

type Context<P> = { params: Promise<P> };
/** Next.js's handler: with a plain Request for a path without params (tests call it so). */
type Handler<P> = object extends P
  ? (request: Request, context?: Context<P>) => Promise<Response>
  : (request: NextRequest, context: Context<P>) => Promise<Response>;
type Body<P, V> = (input: RouteInput<P, V>) => Promise<RouteAnswer>;

/** The JSON error every route answers: `{ ok: false, code, message }` with the code's status. */
function jsonFailure(code: ErrorCode, message: string, cacheControl?: string): Response {
  const headers = cacheControl ? { "Cache-Control": cacheControl } : undefined;
  return NextResponse.json({ ok: false, code, message }, { status: httpStatus[code], headers });
}

function isFailure(answer: object): answer is Failure {
  return "ok" in answer && answer.ok === false;
}

/**
 * A route handler from its body: `GET = apiRoute({ label, viewer, cursor }, async (input) => …)`.
 * Answers, in order: 400 for a malformed cursor, the `check` failure, 401 when a required viewer
 * is signed out, then the body's data (200) or failure, and a generic 500 if anything throws.
 */
export function apiRoute<P extends object = object>(
  options: RouteOptions<P> & { viewer: "required" },
  body: Body<P, CurrentUser>,
): Handler<P>;
export function apiRoute<P extends object = object>(
  options: RouteOptions<P> & { viewer: "optional" },
  body: Body<P, CurrentUser | null>,
): Handler<P>;
export function apiRoute<P extends object>(
  options: RouteOptions<P>,
  body: Body<P, CurrentUser> | Body<P, CurrentUser | null>,
): Handler<P> {
  const cache = options.cache ?? { success: "private, no-store" };
  const failure = (code: ErrorCode, message: string) => jsonFailure(code, message, cache.failure);
  const handler = async (request: Request, context?: Context<P>): Promise<Response> => {
    try {
      const search = new URL(request.url).searchParams;
      const cursor = options.cursor ? readCursor(search) : undefined;
      if (cursor === null) return failure("VALIDATION", INVALID_CURSOR);
      // Next.js always passes the context; a route without dynamic segments has no params.
      const params = context ? await context.params : ({} as P);
      const refused = options.check?.(params);
      if (refused) return failure(refused.code, refused.message);
      const viewer = await getCurrentUser();
      if (!viewer && options.viewer === "required") return failure("UNAUTHENTICATED", SIGN_IN);
      // Past the check above a required viewer is signed in, as its body's type says.
      const run = body as Body<P, CurrentUser | null>;
      const answer = await run({ request, params, viewer, cursor, search });
      if (answer === null) return failure("VALIDATION", INVALID_CURSOR);
      if (isFailure(answer)) return failure(answer.code, answer.message);
      return NextResponse.json(answer, { headers: { "Cache-Control": cache.success } });
    } catch (err) {
      console.error(`${options.label} failed`, err);
      return failure("INTERNAL", SOMETHING_WRONG);
    }
  };
  return handler as Handler<P>;
}
