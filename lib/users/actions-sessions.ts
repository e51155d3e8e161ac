"use server";

import { revalidatePath } from "next/cache";
import { endSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { revokeSessionSchema } from "@/lib/users/validation";

/** Ends one session of the signed-in account (another device); anyone else's is NOT_FOUND. */
export const revokeSessionAction = authActionClient
  .inputSchema(revokeSessionSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const result = await endSession(getDb(), ctx.user.id, parsedInput.sessionId);
    if (result.ok) revalidatePath("/accounts/settings");
    return result;
  });
