import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { type CurrentUser, getCurrentUser } from "./index";
import { safeNextPath } from "./redirect";

/** For pages only signed-in people may see: the user, or a redirect to /login?next=<this page>. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = safeNextPath((await headers()).get("x-pathname") ?? "/");
  redirect(path !== "/" ? `/login?next=${encodeURIComponent(path)}` : "/login");
}
