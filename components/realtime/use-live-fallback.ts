"use client";

import { useRealtimeStatus } from "./realtime-provider";

/** How often queries poll while live updates are not connected. */
export const LIVE_FALLBACK_INTERVAL_MS = 30_000;

/**
 * Query options that stand in for live updates while the socket is down (or live updates are
 * off): poll every 30 s and refetch stale data when the tab regains focus. While connected, both
 * are off, since events keep the cache fresh. Spread it into a query whose data events patch:
 *
 *   const live = useLiveFallback();
 *   useQuery({ queryKey: ["post", id], queryFn, ...live });
 *   useInfiniteQuery({ queryKey: ["feed"], queryFn, initialPageParam, getNextPageParam, ...live });
 */
export function useLiveFallback(): {
  refetchInterval: number | false;
  refetchOnWindowFocus: boolean;
} {
  const { state } = useRealtimeStatus();
  const live = state === "connected";
  return {
    refetchInterval: live ? false : LIVE_FALLBACK_INTERVAL_MS,
    refetchOnWindowFocus: !live,
  };
}
