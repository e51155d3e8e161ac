"use client";

import { useEffect } from "react";
import { afterLoadAndIdle } from "@/components/ui/after-load";
import { listenForInstallPrompt } from "./install-prompt";

/**
 * The app side of the PWA, mounted once in the root layout: keeps the browser's install offer
 * for Settings, and registers public/sw.js in production builds (offline page) after the page
 * has loaded and gone idle. Development never registers it: a worker left from a production run
 * would outlive hot reloads, so one found there is removed.
 */
export function PwaSupport() {
  useEffect(() => listenForInstallPrompt(), []);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    if (process.env.NODE_ENV !== "production") {
      void navigator.serviceWorker
        .getRegistrations()
        .then((all) => Promise.all(all.map((r) => r.unregister())));
      return;
    }
    return afterLoadAndIdle(() => {
      navigator.serviceWorker
        .register("/sw.js", { scope: "/", updateViaCache: "none" })
        .catch(() => {
          // No worker (private mode, blocked by policy): the app works the same, minus offline.
        });
    });
  }, []);
  return null;
}
