"use client";

import { useEffect } from "react";
import { listenForInstallPrompt } from "./install-prompt";

/**
 * Runs `register` once the page has loaded and the browser is idle, so a first visit's worker
 * install (its script, its precache, claiming the page) never competes with the page's own
 * photos, scripts and first paint. Returns the cancel for an unmount before then.
 */
function afterLoadAndIdle(register: () => void): () => void {
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const whenIdle = () => {
    if ("requestIdleCallback" in window)
      idle = window.requestIdleCallback(register, { timeout: 5000 });
    else timer = setTimeout(register, 1000);
  };
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
  return () => {
    window.removeEventListener("load", whenIdle);
    if (idle !== undefined) window.cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
  };
}

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
