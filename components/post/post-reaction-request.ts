import { ActionError } from "@/components/forms/action-result";
import { type Failure, fail } from "@/lib/result";

// Likes and saves go to their JSON routes (app/api/posts/[id]/like|save), not server actions:
// Next.js queues a page's server actions one behind the other and drops those still waiting when
// the page is left, so a Save clicked while a comment posted could be lost. `keepalive` lets the
// request finish even if the reader navigates away or closes the tab right after the tap.

const isFailure = (value: unknown): value is Failure =>
  typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;

/** POSTs one reaction and answers the route's data, or throws an ActionError with its Failure. */
export async function postReaction<T>(
  postId: string,
  kind: "like" | "save",
  body: Record<string, boolean>,
): Promise<T> {
  const res = await fetch(`/api/posts/${encodeURIComponent(postId)}/${kind}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
    keepalive: true,
  });
  const answer: unknown = await res.json().catch(() => null);
  if (res.ok && answer !== null) return answer as T;
  throw new ActionError(
    isFailure(answer) ? answer : fail("INTERNAL", "Something went wrong. Please try again."),
  );
}
