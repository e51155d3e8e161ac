import { getDb } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";
import { findVisiblePost } from "@/lib/posts/visibility";
import { authorizeChannelFor, getChannelSigner } from "@/lib/realtime";
import { fail } from "@/lib/result";

// pusher-js asks here (POST, form-encoded socket_id + channel_name) before it subscribes to a
// private channel; the signature lets this one socket join this one channel.
const MAX_BODY_CHARS = 2048;

/** A post's channel is for those who may see the post (uuid-shaped ids only reach the database). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const mayReadPost = async (postId: string, viewerId: string | null) =>
  UUID.test(postId) && (await findVisiblePost(getDb(), postId.toLowerCase(), viewerId)) !== null;

async function readForm(request: Request): Promise<URLSearchParams | null> {
  if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY_CHARS) return null;
  const body = await request.text().catch(() => null);
  return body !== null && body.length <= MAX_BODY_CHARS ? new URLSearchParams(body) : null;
}

export const POST = apiRoute(
  {
    label: "realtime auth",
    // Optional: a signed-out reader may follow a public post live; user channels need a session.
    viewer: "optional",
    cache: { success: "no-store", failure: "no-store" },
  },
  async ({ request, viewer }) => {
    const form = await readForm(request);
    if (!form) return fail("VALIDATION", "Send socket_id and channel_name as a form.");
    const result = await authorizeChannelFor(
      viewer,
      form.get("socket_id") ?? undefined,
      form.get("channel_name") ?? undefined,
      getChannelSigner(),
      mayReadPost,
    );
    return result.ok ? result.data : result;
  },
);
