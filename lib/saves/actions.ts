"use server";

import { getDb } from "@/lib/db";
import { hitSocialLimit } from "@/lib/rate-limit/social";
import { fail } from "@/lib/result";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { setSave } from "./service";
import { setSaveSchema } from "./validation";

// Saves belong to the signed-in user (ctx) alone, never to an id from the input.

/** Save (saved: true) or unsave a post to the user's private collection. */
export const setSaveAction = authActionClient
  .inputSchema(setSaveSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const limited = await hitSocialLimit("save", ctx.user.id);
    if (limited) return fail("RATE_LIMITED", limited);
    return setSave(getDb(), ctx.user.id, parsedInput);
  });
