// Calls a POST route handler of /api/posts/<id>/... with a JSON body as the app's own pages send it
// (same origin), the way the like and save buttons do.
const ORIGIN = "http://localhost:3000";

type PostRoute = (
  request: never,
  context: { params: Promise<{ id: string }> },
) => Promise<Response>;

export function postToPostRoute(
  route: PostRoute,
  postId: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const request = new Request(`${ORIGIN}/api/posts/${postId}/x`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: ORIGIN,
      host: "localhost:3000",
      "sec-fetch-site": "same-origin",
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  // Next.js passes a NextRequest; a Request is all these routes read.
  return route(request as never, { params: Promise.resolve({ id: postId }) });
}
