import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { unreadCount } from "@/lib/notifications/queries";

/** GET: { unreadCount } of the signed-in user, for the nav badge when live updates are off. */
export const GET = apiRoute({ label: "unread count", viewer: "required" }, async ({ viewer }) => ({
  unreadCount: await unreadCount(getDb(), viewer.id),
}));
