"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toResult } from "@/components/forms/action-result";
import { Button } from "@/components/ui/button";
import { removePushDeviceAction, savePushSubscriptionAction } from "@/lib/push/actions";
import {
  type BrowserPushState,
  browserPushState,
  subscribeBrowser,
  unsubscribeBrowser,
} from "./push-client";

const explain: Record<BrowserPushState | "loading", string> = {
  loading: "Checking this browser…",
  unsupported: "This browser cannot receive push notifications.",
  denied: "Notifications are blocked for Snapgram in this browser's site settings.",
  off: "Get a notification on this device when something happens, even with Snapgram closed.",
  on: "This device gets push notifications.",
};

/**
 * "This device": turns push on (permission, PushManager subscription stored for this sign-in)
 * or off. `currentDeviceId` is the row stored for this session, when there is one.
 */
export function PushThisDevice({
  publicKey,
  currentDeviceId,
}: {
  publicKey: string | null;
  currentDeviceId: string | null;
}) {
  const router = useRouter();
  const [state, setState] = useState<BrowserPushState | "loading">("loading");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void browserPushState().then(setState);
  }, []);

  // Subscribed here but stored for no session of this sign-in (signed out and in again): store it.
  const on = state === "on" && currentDeviceId !== null;

  const turnOn = async () => {
    if (!publicKey) return;
    setPending(true);
    setMessage(null);
    try {
      const sub = await subscribeBrowser(publicKey);
      if (!sub) {
        setState(await browserPushState());
        setMessage("Allow notifications for Snapgram to turn them on.");
        return;
      }
      const result = toResult(await savePushSubscriptionAction(sub).catch(() => undefined));
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      setState("on");
      setMessage("Push notifications are on for this device.");
      router.refresh();
    } catch {
      setMessage("This browser could not subscribe. Please try again.");
    } finally {
      setPending(false);
    }
  };

  const turnOff = async () => {
    setPending(true);
    setMessage(null);
    try {
      await unsubscribeBrowser();
      if (currentDeviceId) await removePushDeviceAction({ id: currentDeviceId });
      setState("off");
      setMessage("Push notifications are off for this device.");
      router.refresh();
    } finally {
      setPending(false);
    }
  };

  const text = !publicKey
    ? "Push notifications are not set up on this server."
    : explain[state === "on" && !on ? "off" : state];
  return (
    <div>
      <div className="flex items-center justify-between gap-4">
        <div className="min-w-0">
          <p className="font-semibold">This device</p>
          <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-300">{text}</p>
        </div>
        {publicKey && (state === "off" || (state === "on" && !on)) ? (
          <Button pending={pending} onClick={turnOn} className="shrink-0">
            Turn on
          </Button>
        ) : null}
        {publicKey && on ? (
          <Button variant="secondary" pending={pending} onClick={turnOff} className="shrink-0">
            Turn off
          </Button>
        ) : null}
      </div>
      <p role="status" className="mt-2 text-sm text-neutral-600 empty:hidden dark:text-neutral-300">
        {message}
      </p>
    </div>
  );
}
