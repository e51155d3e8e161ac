import "server-only";
import webPush from "web-push";
import { env } from "@/lib/env";

// The push adapter: `web-push` encrypts the payload for the subscription and signs the request
// with the app's VAPID keys (generateRequestDetails); fetch sends it, so the push service's
// status comes back as is (web-push's own sender speaks https only, and a local push service
// in development and tests is plain http). Unset keys: no sender (Settings says so).

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
export type PushKeys = { publicKey: string; privateKey: string; subject: string };

export interface PushSender {
  readonly publicKey: string;
  /** The push service's HTTP status (201 delivered; 404/410 the subscription is gone). */
  send(target: PushTarget, payload: string): Promise<number>;
}

const TTL_SECONDS = 24 * 60 * 60;
const SEND_TIMEOUT_MS = 10_000;

export function webPushSender(keys: PushKeys): PushSender {
  return {
    publicKey: keys.publicKey,
    async send(target, payload) {
      const request = webPush.generateRequestDetails(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        payload,
        { TTL: TTL_SECONDS, urgency: "normal", vapidDetails: keys },
      );
      const res = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body ? new Uint8Array(request.body) : null,
        redirect: "error",
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await res.body?.cancel();
      return res.status;
    },
  };
}

/** The app's sender from VAPID_* settings (a test may set globalThis.__pushSender), or null. */
export function getPushSender(): PushSender | null {
  const store = globalThis as { __pushSender?: PushSender | null };
  if (store.__pushSender !== undefined) return store.__pushSender;
  if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY) return null;
  store.__pushSender = webPushSender({
    publicKey: env.VAPID_PUBLIC_KEY,
    privateKey: env.VAPID_PRIVATE_KEY,
    subject: env.VAPID_SUBJECT,
  });
  return store.__pushSender;
}

/** The VAPID public key browsers subscribe with, or null when push is not set up. */
export function pushPublicKey(): string | null {
  return getPushSender()?.publicKey ?? null;
}
