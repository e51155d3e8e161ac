"use server";

import { getDb } from "@/lib/db";
import { ok } from "@/lib/result";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { clearRecentSearches, recordSearch } from "./service";
import { recordSearchSchema } from "./validation";

// Recent searches belong to the signed-in user (ctx) alone, never to an id from the input.

/** Remembers a person or tag the user opened from search (the newest 10 are kept). */
export const recordSearchAction = authActionClient
  .inputSchema(recordSearchSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => recordSearch(getDb(), ctx.user.id, parsedInput));

/** "Clear all": forgets the user's recent searches. */
export const clearRecentSearchesAction = authActionClient.action(async ({ ctx }) =>
  ok({ cleared: await clearRecentSearches(getDb(), ctx.user.id) }),
);
