"use client";

import { userChannel } from "@/lib/realtime/channels";
import {
  type NotificationCreatedEvent,
  type NotificationsReadEvent,
  parseUserEvent,
} from "@/lib/realtime/types";
import { useChannel, useRealtimeViewer } from "./realtime-provider";

export type NotificationHandlers = {
  /** a new notification; fetch it (or invalidate the list) with the viewer's own session */
  onCreated?: (event: NotificationCreatedEvent) => void;
  /** notifications were read elsewhere (another tab or device) */
  onRead?: (event: NotificationsReadEvent) => void;
};

/** The signed-in viewer's notification events (the provider keeps their channel subscribed). */
export function useNotificationEvents(handlers: NotificationHandlers): void {
  const viewerId = useRealtimeViewer();
  useChannel(viewerId ? userChannel(viewerId) : null, {
    "notification.created": (data) => {
      const event = parseUserEvent("notification.created", data);
      if (event) handlers.onCreated?.(event);
    },
    "notifications.read": (data) => {
      const event = parseUserEvent("notifications.read", data);
      if (event) handlers.onRead?.(event);
    },
  });
}
