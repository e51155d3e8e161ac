import webPush from "web-push";
import { webPushSender } from "@/lib/push/sender";
import { startPushService as startService } from "../../support/push-service";

/** The local push service plus a sender with fresh VAPID keys; subscribe() uses those keys. */
export async function startPushService() {
  const service = await startService();
  const keys = webPush.generateVAPIDKeys();
  return {
    ...service,
    sender: webPushSender({ ...keys, subject: "mailto:test@snapgram.local" }),
    subscribe: () => service.subscribe(keys.publicKey),
  };
}
