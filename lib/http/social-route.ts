import "server-only";
import { after } from "next/server";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { getDb } from "@/lib/db";
import { publishNotifiedAfterResponse } from "@/lib/notifications/publish";
import type { WithNotified } from "@/lib/notifications/types";
import { hitSocialLimit, type SocialAction } from "@/lib/rate-limit/social";
import { fail, type Result } from "@/lib/result";
import { apiRoute } from "./api-route";

// Likes and saves as JSON route handlers (POST) rather than server actions: Next.js runs a page's
// server actions one at a time, so a Save clicked while a comment was posting waited behind it,
// and was dropped if the reader left the page meanwhile. A fetch with `keepalive` starts at once
// and outlives the page. The same steps as socialAction: the signed-in user (never an input
// field), the input parsed once, the per-user rate limit, the service, then the live events.

const MAX_BODY_CHARS = 512;
const SAME_ORIGIN = "Send this from Snapgram itself.";

/** Whether a browser sent this from our own pages (the check Next.js makes for server actions). */
export function cameFromOwnPage(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function readJson(request: Request): Promise<unknown> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) return null;
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_CHARS) return null;
  const text = await request.text().catch(() => null);
  if (text === null || text.length > MAX_BODY_CHARS) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

type Answer<T> = Result<T> | WithNotified<Result<T>>;

/**
 * `POST = socialRoute("like", schema, setLike, publish)` for /api/posts/[id]/<kind>: the post id
 * from the path, the rest from the JSON body, both checked by `schema`. Answers the service's data
 * (200) or its failure with the code's status.
 */
export function socialRoute<S extends z.ZodType, T extends object>(
  kind: SocialAction,
  schema: S,
  write: (db: Db, userId: string, input: z.output<S>) => Promise<Answer<T>>,
  published?: (data: T, input: z.output<S>) => Promise<unknown>,
) {
  return apiRoute<{ id: string }>(
    { label: `${kind} route`, viewer: "required" },
    async ({ request, params, viewer }) => {
      if (!cameFromOwnPage(request)) return fail("FORBIDDEN", SAME_ORIGIN);
      const body = await readJson(request);
      const parsed = schema.safeParse({
        ...(typeof body === "object" && body !== null ? body : {}),
        postId: params.id,
      });
      if (!parsed.success) {
        const message = parsed.error.issues[0]?.message ?? "Please check your input.";
        return fail("VALIDATION", message);
      }
      const limited = await hitSocialLimit(kind, viewer.id);
      if (limited) return fail("RATE_LIMITED", limited);
      const input = parsed.data as z.output<S>;
      const answer = await write(getDb(), viewer.id, input);
      const result = "result" in answer ? answer.result : answer;
      if ("result" in answer) publishNotifiedAfterResponse(answer.notified, answer.unnotified);
      if (!result.ok) return result;
      const { data } = result;
      if (published) after(() => published(data, input));
      return data;
    },
  );
}
