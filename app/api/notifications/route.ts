import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { listNotifications } from "@/lib/notifications/queries";

/** GET ?cursor=: the next page of the signed-in user's notifications, Page<NotificationView>. */
export const GET = apiRoute(
  { label: "notifications page", viewer: "required", cursor: true },
  ({ viewer, cursor }) => listNotifications(getDb(), { userId: viewer.id, cursor }),
);
