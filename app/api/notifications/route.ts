import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { respondWithPage } from "@/lib/http/page-route";
import { listNotifications } from "@/lib/notifications/queries";
import { fail } from "@/lib/result";

/** GET ?cursor=: the next page of the signed-in user's notifications, Page<NotificationView>. */
export function GET(request: NextRequest) {
  return respondWithPage(request, "notifications page", async (cursor) => {
    const viewer = await getCurrentUser();
    if (!viewer) return fail("UNAUTHENTICATED", "Sign in to continue.");
    return listNotifications(getDb(), { userId: viewer.id, cursor });
  });
}
