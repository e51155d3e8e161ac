"use server";

import { after } from "next/server";
import { getDb } from "@/lib/db";
import { publishNotifiedAfterResponse } from "@/lib/notifications/publish";
import { hitSocialLimit } from "@/lib/rate-limit/social";
import { getPublisher, publishLikeCount } from "@/lib/realtime";
import { fail } from "@/lib/result";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { setLike } from "./service";
import { setLikeSchema } from "./validation";

// The liker is always the signed-in user (ctx), never a field of the input.

/** Like (liked: true) or unlike a post; answers the fresh like count. */
export const setLikeAction = authActionClient
  .inputSchema(setLikeSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const limited = await hitSocialLimit("like", ctx.user.id);
    if (limited) return fail("RATE_LIMITED", limited);
    const { result, notified, unnotified } = await setLike(getDb(), ctx.user.id, parsedInput);
    publishNotifiedAfterResponse(notified, unnotified);
    if (result.ok) {
      const { likeCount } = result.data;
      after(() => publishLikeCount(getPublisher(), parsedInput.postId, likeCount));
    }
    return result;
  });
