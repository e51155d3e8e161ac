import "server-only";
import { notFound } from "next/navigation";
import type { CurrentUser } from "@/lib/auth";
import { requireUser } from "@/lib/auth/require-user";

export const isModerator = (user: Pick<CurrentUser, "role"> | null) =>
  user?.role === "moderator" || user?.role === "admin";

/** For moderation pages: the moderator or admin, a sign-in, or a 404 for everyone else. */
export async function requireModerator(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!isModerator(user)) notFound();
  return user;
}
