"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Heart } from "lucide-react";
import { useEffect, useRef } from "react";
import { toResult } from "@/components/forms/action-result";
import { distinctItems, listKeys, lists } from "@/components/query/list-query";
import { useListQuery } from "@/components/query/use-list-query";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMoreFooter } from "@/components/ui/load-more-footer";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import type { NotificationView } from "@/lib/notifications/types";
import { NotificationItem } from "./notification-item";
import { unreadCountKey, useCachedUnreadCount } from "./use-unread-count";

/**
 * The notifications page's list: the first page prefetched by the server page, more as the bottom
 * comes near. Opening it marks everything read (the nav badge resets); notifications arriving
 * while it is open reload the list and are marked read too.
 */
export function NotificationList() {
  const queryClient = useQueryClient();
  const query = useListQuery<NotificationView>(lists.notifications());
  const { data, hasNextPage, isFetchingNextPage } = query;

  // Mark read on open, and again (after reloading the list) whenever the badge counts new ones.
  const unread = useCachedUnreadCount();
  const busy = useRef(false);
  const opened = useRef(false);
  useEffect(() => {
    if (busy.current || (opened.current && unread === 0)) return;
    const reload = opened.current;
    opened.current = true;
    busy.current = true;
    void (async () => {
      try {
        if (reload)
          await queryClient.refetchQueries({
            queryKey: listKeys.notifications,
            type: "active",
          });
        const result = toResult(await markNotificationsReadAction());
        if (result.ok) queryClient.setQueryData(unreadCountKey, 0);
      } catch (err) {
        console.warn("marking notifications read failed", err);
      } finally {
        busy.current = false;
      }
    })();
  }, [unread, queryClient]);

  const items = distinctItems(data?.pages);
  if (data && items.length === 0 && !hasNextPage) return <EmptyNotifications />;

  return (
    <div>
      <ul aria-label="Notifications" className="flex flex-col">
        {items.map((n) => (
          <NotificationItem key={n.id} notification={n} />
        ))}
        {isFetchingNextPage
          ? [0, 1, 2].map((k) => (
              <li
                key={`skeleton-${k}`}
                aria-hidden="true"
                className="flex items-center gap-3 px-4 py-2.5"
              >
                <span className="size-11 shrink-0 animate-pulse rounded-full bg-neutral-200 dark:bg-neutral-800" />
                <span className="h-4 flex-1 animate-pulse rounded bg-neutral-200 dark:bg-neutral-800" />
              </li>
            ))
          : null}
      </ul>
      <LoadMoreFooter query={query} noun="notifications" margin="400px" />
    </div>
  );
}

function EmptyNotifications() {
  return (
    <EmptyState
      icon={Heart}
      title="No notifications yet"
      className="py-16"
      description="When someone likes or comments on your posts, mentions you or follows you, you'll see it here."
    />
  );
}
