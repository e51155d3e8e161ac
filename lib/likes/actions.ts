"use server";

import { getDb } from "@/lib/db";
import { hitSocialLimit } from "@/lib/rate-limit/social";
import { fail } from "@/lib/result";
import { authActionClient } from "@/lib/safe-action";
import { setLike } from "./likes";
import { setLikeSchema } from "./validation";

// The liker is always the signed-in user (ctx), never a field of the input.

/** Like (liked: true) or unlike a post; answers the fresh like count. */
export const setLikeAction = authActionClient
  .inputSchema(setLikeSchema)
  .action(async ({ parsedInput, ctx }) => {
    const limited = await hitSocialLimit("like", ctx.user.id);
    if (limited) return fail("RATE_LIMITED", limited);
    return setLike(getDb(), ctx.user.id, parsedInput);
  });
