"use client";

import { useRouter } from "next/navigation";
import { useChannel, useRealtimeViewer } from "@/components/realtime/realtime-provider";
import { userChannel } from "@/lib/realtime/channels";

/**
 * Re-renders the server page when a notification arrives or is taken back on the viewer's private
 * channel (a new follow request, or one cancelled), so the requests count and inbox stay live.
 */
export function useLiveRequests(): void {
  const router = useRouter();
  const viewerId = useRealtimeViewer();
  const refresh = () => router.refresh();
  useChannel(viewerId ? userChannel(viewerId) : null, {
    "notification.created": refresh,
    "notification.removed": refresh,
  });
}
