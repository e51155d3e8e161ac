"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { parseUserEvent } from "@/components/realtime/event-contract";
import {
  useChannel,
  useRealtimeStatus,
  useRealtimeViewer,
} from "@/components/realtime/realtime-provider";
import { userChannel } from "@/lib/realtime/channels";

/** The TanStack Query key of the badge's unread count (the list's is listKeys.notifications). */
export const unreadCountKey = ["notifications", "unread"] as const;

const POLL_MS = 30_000;

async function fetchUnreadCount(signal: AbortSignal): Promise<number> {
  const res = await fetch("/api/notifications/unread", {
    signal,
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new Error(`Couldn't load the unread count (${res.status}).`);
  const body = (await res.json()) as { unreadCount?: unknown };
  return typeof body.unreadCount === "number" ? body.unreadCount : 0;
}

/**
 * The signed-in user's unread notifications for the nav badge: the server's count first, then
 * `notification.created` / `.removed` / `notifications.read` on their private channel. While live updates are
 * off or disconnected it refetches on window focus and every 30 s instead. The count lives in the
 * query cache: the notifications page resets it to 0 and reloads its list when it grows.
 */
export function useUnreadCount(serverCount: number): number {
  const queryClient = useQueryClient();
  const viewerId = useRealtimeViewer();
  const live = useRealtimeStatus().state === "connected";
  const { data } = useQuery({
    queryKey: unreadCountKey,
    queryFn: ({ signal }) => fetchUnreadCount(signal),
    initialData: serverCount,
    staleTime: 15_000,
    refetchOnWindowFocus: !live,
    refetchInterval: live ? false : POLL_MS,
    refetchIntervalInBackground: false,
  });

  // A newer server render (router.refresh, a new layout) wins over the cached count.
  const seen = useRef(serverCount);
  useEffect(() => {
    if (seen.current === serverCount) return;
    seen.current = serverCount;
    queryClient.setQueryData(unreadCountKey, serverCount);
  }, [queryClient, serverCount]);

  useChannel(viewerId ? userChannel(viewerId) : null, {
    "notification.created": (raw) => {
      const event = parseUserEvent("notification.created", raw);
      if (event) queryClient.setQueryData(unreadCountKey, event.unreadCount);
    },
    "notifications.read": (raw) => {
      const event = parseUserEvent("notifications.read", raw);
      if (event) queryClient.setQueryData(unreadCountKey, event.unreadCount);
    },
    "notification.removed": (raw) => {
      const event = parseUserEvent("notification.removed", raw);
      if (event) queryClient.setQueryData(unreadCountKey, event.unreadCount);
    },
  });

  return data;
}

/** The cached unread count without polling or listening (for components under the nav's hook). */
export function useCachedUnreadCount(): number {
  const { data } = useQuery({
    queryKey: unreadCountKey,
    queryFn: ({ signal }) => fetchUnreadCount(signal),
    enabled: false,
  });
  return data ?? 0;
}
