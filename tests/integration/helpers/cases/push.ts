import { and, eq } from "drizzle-orm";
import { pushMutedKinds, pushSubscriptions } from "@/db/schema";
import { startSession } from "@/lib/auth/sessions";
import {
  removePushDeviceAction,
  savePushSubscriptionAction,
  setPushKindAction,
} from "@/lib/push/actions";
import { saveSubscription } from "@/lib/push/queries";
import { type ActionCase, signedInMatrix, type World } from "../action-cases";

// Settings → Notifications: a browser's subscription is stored for the caller's own session,
// a device is removed only by its owner, a push kind is turned off for the caller only.

const P256DH = `B${"A".repeat(86)}`;
const AUTH = "c2VjcmV0LWF1dGgta2V5";

/** A subscription input as PushSubscription.toJSON() gives it, with a fresh endpoint. */
export function subscriptionInput(endpoint = `https://push.example.test/${crypto.randomUUID()}`) {
  return { endpoint, keys: { p256dh: P256DH, auth: AUTH } };
}

async function ownerHasSubscription(w: World, input: unknown) {
  const { endpoint } = input as { endpoint: string };
  const [row] = await w.h
    .db()
    .select()
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, w.owner.id)));
  return Boolean(row);
}

/** The owner's phone, subscribed to pushes. */
async function ownersDevice(w: World) {
  const session = await startSession(w.h.db(), w.owner.id, new Headers());
  const { endpoint, keys } = subscriptionInput();
  const row = await saveSubscription(w.h.db(), {
    userId: w.owner.id,
    sessionId: session.id,
    endpoint,
    ...keys,
    userAgent: "Mozilla/5.0 (iPhone) Safari/604.1",
  });
  return { id: row.id };
}

export const pushCases: Record<string, ActionCase> = {
  "push/actions:savePushSubscriptionAction": {
    action: savePushSubscriptionAction,
    arrange: async () => subscriptionInput(),
    changed: ownerHasSubscription,
    matrix: signedInMatrix("changes", "own"),
    bad: [
      {
        input: (_w, good) => ({ ...(good as object), endpoint: "javascript:alert(1)" }),
        field: "endpoint",
      },
      {
        input: (_w, good) => ({ ...(good as object), keys: { p256dh: "short", auth: AUTH } }),
        field: "keys.p256dh",
      },
      {
        input: (_w, good) => ({ ...(good as object), keys: { p256dh: P256DH, auth: "a b" } }),
        field: "keys.auth",
      },
    ],
  },
  "push/actions:removePushDeviceAction": {
    action: removePushDeviceAction,
    arrange: ownersDevice,
    changed: async (w, input) => {
      const { id } = input as { id: string };
      const [row] = await w.h
        .db()
        .select()
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.id, id));
      return !row;
    },
    matrix: signedInMatrix("changes", "NOT_FOUND"),
    bad: [{ input: () => ({ id: "not-a-device" }), field: "id" }],
  },
  "push/actions:setPushKindAction": {
    action: setPushKindAction,
    arrange: async () => ({ kind: "likes", enabled: false }),
    changed: async (w) => {
      const rows = await w.h
        .db()
        .select()
        .from(pushMutedKinds)
        .where(eq(pushMutedKinds.userId, w.owner.id));
      return rows.some((r) => r.kind === "likes");
    },
    matrix: signedInMatrix("changes", "own"),
    bad: [
      { input: () => ({ kind: "everything", enabled: false }), field: "kind" },
      { input: () => ({ kind: "likes", enabled: "no" }), field: "enabled" },
    ],
  },
};
