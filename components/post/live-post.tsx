"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef } from "react";
import { LiveStatus } from "@/components/realtime/live-status";
import { useRealtimeStatus } from "@/components/realtime/realtime-provider";
import { LIVE_FALLBACK_INTERVAL_MS } from "@/components/realtime/use-live-fallback";
import { useLivePostCache, usePostRemoved } from "@/components/realtime/use-live-post-cache";
import Link from "@/components/ui/link";

/** Focus refreshes closer together than this are skipped (tab switching back and forth). */
const FOCUS_THROTTLE_MS = 5000;

/**
 * The post page's data are server-rendered props (the like count, the first comments), so while
 * live updates are not connected the page itself refreshes: every 30 s and when the tab comes
 * back into view. After an outage it refreshes once more, since events of the gap were lost.
 */
function useRefreshWhileOffline() {
  const router = useRouter();
  const { state } = useRealtimeStatus();
  const down = state !== "connected";
  const lost = useRef(false);

  useEffect(() => {
    if (state === "unavailable") lost.current = true;
    else if (state === "connected" && lost.current) {
      lost.current = false;
      router.refresh();
    }
  }, [state, router]);

  useEffect(() => {
    if (!down) return;
    let last = Date.now();
    const refresh = () => {
      last = Date.now();
      router.refresh();
    };
    const onFocus = () => {
      if (document.visibilityState !== "visible" || Date.now() - last < FOCUS_THROTTLE_MS) return;
      refresh();
    };
    const timer = window.setInterval(refresh, LIVE_FALLBACK_INTERVAL_MS);
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onFocus);
    };
  }, [down, router]);
}

type LivePostProps = { postId: string; children: ReactNode };

/**
 * Keeps a post page live while it is open: counts and comments follow events (through the
 * query cache), the page polls while live updates are paused, and a post removed meanwhile
 * gives way to a notice.
 */
export function LivePost({ postId, children }: LivePostProps) {
  useLivePostCache(postId);
  useRefreshWhileOffline();
  const removed = usePostRemoved(postId);

  return (
    <>
      {removed ? (
        <div
          role="status"
          className="mx-4 my-12 flex flex-col items-center gap-2 rounded-md border border-neutral-200 px-6 py-10 text-center md:mx-0 dark:border-neutral-800"
        >
          <p className="text-lg font-semibold">This post was removed.</p>
          <Link
            href="/"
            className="text-sm font-semibold text-sky-600 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400"
          >
            Back to Home
          </Link>
        </div>
      ) : (
        children
      )}
      <LiveStatus />
    </>
  );
}
