import "server-only";
import { after } from "next/server";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { getDb } from "@/lib/db";
import { hitSocialLimit, type SocialAction } from "@/lib/rate-limit/social";
import { fail, type Result } from "@/lib/result";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { publishNotifiedAfterResponse } from "./publish";
import type { WithNotified } from "./types";

// The shape every social write (follow, like, save, comment, report) shares: the signed-in user
// (ctx, never an input field), the input parsed once, the per-user rate limit, then the service;
// what it notified is published after the response, as is the optional `published` live event.

type Answer<T> = Result<T> | WithNotified<Result<T>>;

/**
 * Builds the server action of one social write: `write` is the service call (answering a Result,
 * or `{ result, notified, unnotified }`); `published` runs after the response on success (given
 * the data, the input and the acting user's id).
 */
export function socialAction<S extends z.ZodType, T>(
  kind: SocialAction,
  schema: S,
  write: (db: Db, userId: string, input: z.output<S>) => Promise<Answer<T>>,
  published?: (data: T, input: z.output<S>, userId: string) => Promise<unknown>,
) {
  return authActionClient
    .inputSchema(schema, byFieldPath)
    .action(async ({ parsedInput, ctx }): Promise<Result<T>> => {
      const limited = await hitSocialLimit(kind, ctx.user.id);
      if (limited) return fail("RATE_LIMITED", limited);
      // next-safe-action's inferred type of a generic schema's output; it is z.output<S>.
      const input = parsedInput as z.output<S>;
      const answer = await write(getDb(), ctx.user.id, input);
      if (!("result" in answer)) return answer;
      const { result, notified, unnotified } = answer;
      publishNotifiedAfterResponse(notified, unnotified);
      if (result.ok && published) {
        const { data } = result;
        const userId = ctx.user.id;
        after(() => published(data, input, userId));
      }
      return result;
    });
}
