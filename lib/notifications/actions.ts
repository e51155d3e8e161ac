"use server";

import { getDb } from "@/lib/db";
import { ok } from "@/lib/result";
import { authActionClient } from "@/lib/safe-action";
import { publishReadAfterResponse } from "./publish";
import { markAllRead } from "./queries";

// The reader is always the signed-in user (ctx); there is no input.

/** Marks all the user's notifications read (on opening the page); badges everywhere reset. */
export const markNotificationsReadAction = authActionClient.action(async ({ ctx }) => {
  const marked = await markAllRead(getDb(), ctx.user.id, new Date());
  if (marked > 0) publishReadAfterResponse(ctx.user.id);
  return ok({ unreadCount: 0 as const });
});
