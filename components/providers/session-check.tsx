"use client";

import { useEffect } from "react";

/**
 * Pages may be restored from the back/forward cache (proxy.ts allows it): one rendered for a
 * viewer who has since signed out, or for another account, reloads at once. Also on a load from
 * the browser's HTTP cache by Back/Forward (navigation type "back_forward").
 */
export function SessionCheck({ viewerId }: { viewerId: string | null }) {
  useEffect(() => {
    const check = async () => {
      try {
        const res = await fetch("/api/viewer", { cache: "no-store", credentials: "same-origin" });
        if (!res.ok) return;
        const { id } = (await res.json()) as { id: string | null };
        if (id !== viewerId) window.location.reload();
      } catch {
        // Offline: the page stays as it was; the next navigation asks the server anyway.
      }
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void check();
    };
    const nav = performance.getEntriesByType("navigation")[0] as
      | PerformanceNavigationTiming
      | undefined;
    if (nav?.type === "back_forward") void check();
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, [viewerId]);
  return null;
}
