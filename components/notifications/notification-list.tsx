"use client";

import { type InfiniteData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Heart } from "lucide-react";
import { useEffect, useRef } from "react";
import { toResult } from "@/components/forms/action-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useLoadMore } from "@/components/ui/use-load-more";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import type { NotificationView } from "@/lib/notifications/types";
import type { Page } from "@/lib/shared/post-views";
import { NotificationItem } from "./notification-item";
import { notificationsKey, unreadCountKey, useCachedUnreadCount } from "./use-unread-count";

type ListData = InfiniteData<Page<NotificationView>, string | null>;

async function fetchPage(cursor: string | null, signal: AbortSignal) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  const res = await fetch(`/api/notifications${query}`, {
    signal,
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new Error(`Couldn't load more notifications (${res.status}).`);
  return (await res.json()) as Page<NotificationView>;
}

/** Items of every page once each (an item may move between pages while new ones arrive). */
function distinct(pages: Page<NotificationView>[]) {
  const seen = new Set<string>();
  return pages
    .flatMap((p) => p.items)
    .filter((n) => {
      if (seen.has(n.id)) return false;
      seen.add(n.id);
      return true;
    });
}

/**
 * The notifications page's list: the first page from the server, more as the bottom comes near.
 * Opening it marks everything read (the nav badge resets); notifications arriving while it is
 * open reload the list and are marked read too.
 */
export function NotificationList({ initialPage }: { initialPage: Page<NotificationView> }) {
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: notificationsKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initialPage], pageParams: [null] },
  });
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;

  // A newer server render replaces a cached list that no longer matches it.
  useEffect(() => {
    const cached = queryClient.getQueryData<ListData>(notificationsKey);
    const ids = (p: Page<NotificationView> | undefined) => p?.items.map((i) => i.id).join() ?? "";
    if (cached && ids(cached.pages[0]) !== ids(initialPage)) {
      queryClient.setQueryData<ListData>(notificationsKey, {
        pages: [initialPage],
        pageParams: [null],
      });
    }
  }, [initialPage, queryClient]);

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
          await queryClient.refetchQueries({ queryKey: notificationsKey, type: "active" });
        const result = toResult(await markNotificationsReadAction());
        if (result.ok) queryClient.setQueryData(unreadCountKey, 0);
      } catch (err) {
        console.warn("marking notifications read failed", err);
      } finally {
        busy.current = false;
      }
    })();
  }, [unread, queryClient]);

  const sentinel = useLoadMore(query, "400px");

  const items = distinct(data.pages);
  if (items.length === 0 && !hasNextPage) return <EmptyNotifications />;

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
      {isFetchingNextPage ? (
        <p className="sr-only" role="status">
          Loading more notifications…
        </p>
      ) : null}
      {isFetchNextPageError ? (
        <div className="mx-auto mt-6 flex max-w-sm flex-col items-center gap-3 px-4">
          <Alert className="w-full">
            Couldn&apos;t load more notifications. Check your connection.
          </Alert>
          <Button variant="secondary" onClick={() => void fetchNextPage()}>
            Try again
          </Button>
        </div>
      ) : null}
      <div ref={sentinel} aria-hidden="true" className="h-px" />
    </div>
  );
}

function EmptyNotifications() {
  return (
    <div className="flex flex-col items-center px-6 py-16 text-center">
      <span className="mb-4 inline-flex size-16 items-center justify-center rounded-full border-2 border-neutral-900 dark:border-neutral-100">
        <Heart aria-hidden="true" strokeWidth={1.5} className="size-8" />
      </span>
      <p className="text-xl font-bold">No notifications yet</p>
      <p className="mt-2 max-w-xs text-sm text-neutral-600 dark:text-neutral-400">
        When someone likes or comments on your posts, mentions you or follows you, you&apos;ll see
        it here.
      </p>
    </div>
  );
}
