import type { Metadata } from "next";
import { FollowRequestsLink } from "@/components/follow-requests/follow-requests-link";
import { NotificationList } from "@/components/notifications/notification-list";
import {
  createRequestQueryClient,
  HydrateLists,
  prefetchFirstPage,
} from "@/components/query/hydrate-lists";
import { listKeys } from "@/components/query/list-query";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db";
import { countFollowRequests, listFollowRequests } from "@/lib/follows/queries-requests";
import { listNotifications } from "@/lib/notifications/queries";

export const metadata: Metadata = { title: "Notifications" };

// Rendering only reads: the list marks everything read from the browser once it is shown.
export default async function NotificationsPage() {
  const user = await requireUser();
  const db = getDb();
  const queryClient = createRequestQueryClient();
  const [requestCount, newest] = await Promise.all([
    countFollowRequests(db, user.id),
    listFollowRequests(db, { userId: user.id, limit: 1 }),
    prefetchFirstPage(queryClient, listKeys.notifications, () =>
      listNotifications(db, { userId: user.id }),
    ),
  ]);
  return (
    <main className="mx-auto w-full max-w-[600px] py-4 md:py-8">
      <h1 className="mb-2 px-4 text-xl font-bold md:text-2xl">Notifications</h1>
      <FollowRequestsLink count={requestCount} newest={newest?.items[0] ?? null} />
      <HydrateLists client={queryClient}>
        <NotificationList />
      </HydrateLists>
    </main>
  );
}
