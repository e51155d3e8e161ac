"use server";

import { after } from "next/server";
import { getCdn } from "@/lib/cdn";
import { getDb } from "@/lib/db";
import { settleMedia } from "@/lib/media/jobs";
import { socialAction } from "@/lib/notifications/social-action";
import { getPublisher, publishCommentDeleted, publishPostRemoved } from "@/lib/realtime";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { forgetSearchMatches } from "@/lib/search/queries";
import { getStorage } from "@/lib/storage";
import { moderationTwoFactorRefusal } from "./access";
import { decide, fileReport } from "./service";
import { decideSchema, reportSchema } from "./validation";

// The reporter and the moderator are always the signed-in user (ctx), never a field of the input;
// the moderator's role is checked by `decide` against the database's current one.

/** Report a post, a comment or an account to the moderators. */
export const reportAction = socialAction("report", reportSchema, fileReport);

/** A moderator's decision on a reported target; open pages drop what was removed. */
export const decideAction = authActionClient
  .inputSchema(decideSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const refused = await moderationTwoFactorRefusal(getDb(), ctx.user);
    if (refused) return refused;
    const result = await decide(getDb(), ctx.user, parsedInput);
    if (!result.ok) return result;
    const { action, postId, commentCount } = result.data;
    // Removed or suspended photos leave the public folders (and the CDN) before the answer.
    if (action === "remove_post" || action === "suspend_user" || action === "restore_user") {
      await settleMedia(getDb(), getStorage(), getCdn());
    }
    if (action === "remove_post" && postId) {
      after(() => publishPostRemoved(getPublisher(), postId));
    }
    if (action === "remove_comment" && postId && commentCount !== null) {
      const commentId = parsedInput.targetId;
      after(() => publishCommentDeleted(getPublisher(), { postId, commentId, commentCount }));
    }
    // A suspended account leaves search results, a restored one comes back: at once here.
    if (action === "suspend_user" || action === "restore_user") forgetSearchMatches();
    return result;
  });
