"use server";

import { getDb } from "@/lib/db";
import { publishNotifiedAfterResponse } from "@/lib/notifications/publish";
import { hitSocialLimit } from "@/lib/rate-limit/social";
import { fail } from "@/lib/result";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { setFollow } from "./service";
import { setFollowSchema } from "./validation";

// The follower is always the signed-in user (ctx), never a field of the input.

/** Follow (follow: true) or unfollow an account; answers the fresh follower count. */
export const setFollowAction = authActionClient
  .inputSchema(setFollowSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const limited = await hitSocialLimit("follow", ctx.user.id);
    if (limited) return fail("RATE_LIMITED", limited);
    const { result, notified, unnotified } = await setFollow(getDb(), ctx.user.id, parsedInput);
    publishNotifiedAfterResponse(notified, unnotified);
    return result;
  });
