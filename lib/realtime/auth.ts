// Who may subscribe to which private channel: a signed-in user to `private-user-<their id>`, to
// `private-post-<id>` of a post they may see (postAccess, given by the route), and nobody to
// anything else. Pure (the signer and the post check are passed in), so it is tested without a
// server.
import { fail, ok, type Result } from "@/lib/result";
import { parseChannel } from "./channels";

/** Signs `<socketId>:<channel>` with the app secret (the `pusher` SDK's authorizeChannel). */
export type ChannelSigner = (socketId: string, channel: string) => { auth: string };

/** The shape pusher-js sends: `socket_id` is `<digits>.<digits>`. */
export const SOCKET_ID_PATTERN = /^\d{1,20}\.\d{1,20}$/;

export type ChannelAuthorization = { auth: string };

/** Whether the signed-in user may see the post (visible, and not across a block). */
export type PostAccess = (postId: string) => Promise<boolean>;

export async function authorizeChannelFor(
  user: { id: string } | null,
  socketId: unknown,
  channelName: unknown,
  signer: ChannelSigner | null,
  postAccess: PostAccess | null = null,
): Promise<Result<ChannelAuthorization>> {
  if (!user) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (!signer) return fail("NOT_FOUND", "Live updates are turned off.");
  if (typeof socketId !== "string" || typeof channelName !== "string") {
    return fail("VALIDATION", "Send socket_id and channel_name.");
  }
  if (!SOCKET_ID_PATTERN.test(socketId) || channelName.length > 200) {
    return fail("FORBIDDEN", "This channel is not yours.");
  }
  const channel = parseChannel(channelName);
  // A post the user may not see is refused like a missing one: nothing tells them it exists.
  const allowed =
    channel?.kind === "user"
      ? channel.userId === user.id
      : channel?.kind === "post" && postAccess !== null && (await postAccess(channel.postId));
  if (!allowed) return fail("FORBIDDEN", "This channel is not yours.");
  const { auth } = signer(socketId, channelName);
  return ok({ auth });
}
