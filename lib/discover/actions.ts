"use server";

import { getDb } from "@/lib/db";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { dismissSuggestion } from "./queries";
import { dismissSuggestionSchema } from "./validation";

// The viewer is always the signed-in user (ctx), never a field of the input.

/** Hides an account from the viewer's "Suggested for you" for good. */
export const dismissSuggestionAction = authActionClient
  .inputSchema(dismissSuggestionSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => dismissSuggestion(getDb(), ctx.user.id, parsedInput));
