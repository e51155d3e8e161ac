import type { ReactNode } from "react";
import { requireModerator } from "@/lib/moderation/access";

/**
 * Every moderation page is for moderators and admins only: a sign-in for visitors, a 404 for
 * everyone else. (Each moderation action checks the role again on its own.)
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireModerator();
  return children;
}
