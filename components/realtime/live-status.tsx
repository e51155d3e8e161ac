"use client";

import { WifiOff } from "lucide-react";
import { useEffect, useState } from "react";
import { useRealtimeStatus } from "./realtime-provider";

/** Only a lasting outage is worth a word: reconnects of a second or two stay silent. */
const GRACE_MS = 5000;

/**
 * "Live updates paused" while the realtime connection has been down for more than 5 s.
 * The live region is always in the page, so screen readers announce the change; nothing shows
 * when live updates are turned off on purpose (REALTIME_DISABLED) or working.
 */
export function LiveStatus({ className = "" }: { className?: string }) {
  const { state, enabled } = useRealtimeStatus();
  // pusher-js says "unavailable" only after 10 s of trying; count "connecting" as down too.
  const down = enabled && state !== "connected";
  const [paused, setPaused] = useState(false);

  useEffect(() => {
    if (!down) {
      setPaused(false);
      return;
    }
    const timer = setTimeout(() => setPaused(true), GRACE_MS);
    return () => clearTimeout(timer);
  }, [down]);

  return (
    <div role="status" aria-live="polite" className={className}>
      {paused ? (
        <span className="pointer-events-none fixed bottom-20 left-1/2 z-40 flex -translate-x-1/2 items-center gap-1.5 rounded-full bg-neutral-900/85 px-3 py-1 text-xs text-white shadow md:bottom-4 dark:bg-neutral-100/90 dark:text-neutral-900">
          <WifiOff aria-hidden="true" className="size-3.5" />
          Live updates paused
        </span>
      ) : null}
    </div>
  );
}
