"use server";

import { headers } from "next/headers";
import { getCurrentSession } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { fail, ok } from "@/lib/result";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { deleteSubscription, saveSubscription, setPushKind } from "./queries";
import { pushDeviceSchema, pushKindSchema, pushSubscriptionSchema } from "./validation";

// Settings → Notifications: this browser's push subscription, the device list, the kinds.

/** Stores this browser's subscription under the signed-in session (sign-out deletes it). */
export const savePushSubscriptionAction = authActionClient
  .inputSchema(pushSubscriptionSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    // Push services speak https; a plain http one is only a local test service.
    if (!env.PUSH_ALLOW_HTTP_ENDPOINTS && !parsedInput.endpoint.startsWith("https://")) {
      return fail("VALIDATION", "endpoint must be an https:// push service.", {
        endpoint: ["endpoint must be an https:// push service."],
      });
    }
    const session = await getCurrentSession();
    if (!session || session.user.id !== ctx.user.id) {
      return fail("UNAUTHENTICATED", "Sign in to continue.");
    }
    const row = await saveSubscription(getDb(), {
      userId: ctx.user.id,
      sessionId: session.sessionId,
      endpoint: parsedInput.endpoint,
      p256dh: parsedInput.keys.p256dh,
      auth: parsedInput.keys.auth,
      userAgent: (await headers()).get("user-agent") ?? "",
    });
    return ok({ id: row.id });
  });

/** Stops pushes to one of the account's devices. */
export const removePushDeviceAction = authActionClient
  .inputSchema(pushDeviceSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const removed = await deleteSubscription(getDb(), ctx.user.id, parsedInput.id);
    if (!removed) return fail("NOT_FOUND", "This device no longer gets notifications.");
    return ok(null);
  });

/** Turns one kind of push (likes, comments...) on or off for all the account's devices. */
export const setPushKindAction = authActionClient
  .inputSchema(pushKindSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    await setPushKind(getDb(), ctx.user.id, parsedInput.kind, parsedInput.enabled);
    return ok(parsedInput);
  });
