import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/redirect";

/** The `searchParams` of the log-in and sign-up pages. */
export type AuthSearchParams = Promise<{ next?: string | string[] }>;

/**
 * The log-in and sign-up pages' start: a signed-in visitor goes on to `next` (or home); answers
 * `next` and the link to `otherPage` carrying it along.
 */
export async function authPageNext(searchParams: AuthSearchParams, otherPage: string) {
  const { next: rawNext } = await searchParams;
  // Only a same-site path survives, here and in the form's hidden field and the other page's link.
  const next = safeNextPath(rawNext, "") || undefined;
  if (await getCurrentUser()) redirect(next ?? "/");
  const otherHref = next ? `${otherPage}?next=${encodeURIComponent(next)}` : otherPage;
  return { next, otherHref };
}
