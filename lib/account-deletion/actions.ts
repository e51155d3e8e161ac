"use server";

import { signOut } from "@/lib/auth";
import { getCdn } from "@/lib/cdn";
import { getDb } from "@/lib/db";
import { settleMedia } from "@/lib/media/jobs";
import { ok } from "@/lib/result";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { forgetSearchMatches } from "@/lib/search/queries";
import { getStorage } from "@/lib/storage";
import { deleteAccount } from "./service";
import { AFTER_DELETE_PATH, deleteAccountSchema } from "./validation";

/** Settings -> Delete account: the signed-in user's own account, after their password. */
export const deleteAccountAction = authActionClient
  .inputSchema(deleteAccountSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const result = await deleteAccount(getDb(), ctx.user.id, parsedInput);
    if (!result.ok) return result;
    // The photos leave the public folders (and the CDN), and search forgets the account, now.
    await settleMedia(getDb(), getStorage(), getCdn());
    forgetSearchMatches();
    await signOut({ redirectTo: AFTER_DELETE_PATH });
    return ok(undefined);
  });
