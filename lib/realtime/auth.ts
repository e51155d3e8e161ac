// Who may subscribe to which private channel: a signed-in user to `private-user-<their id>`, and
// nobody to anything else. Pure (the signer is passed in), so it is tested without a server.
import { fail, ok, type Result } from "@/lib/result";
import { parseChannel } from "./channels";

/** Signs `<socketId>:<channel>` with the app secret (the `pusher` SDK's authorizeChannel). */
export type ChannelSigner = (socketId: string, channel: string) => { auth: string };

/** The shape pusher-js sends: `socket_id` is `<digits>.<digits>`. */
export const SOCKET_ID_PATTERN = /^\d{1,20}\.\d{1,20}$/;

export type ChannelAuthorization = { auth: string };

export function authorizeChannelFor(
  user: { id: string } | null,
  socketId: unknown,
  channelName: unknown,
  signer: ChannelSigner | null,
): Result<ChannelAuthorization> {
  if (!user) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (!signer) return fail("NOT_FOUND", "Live updates are turned off.");
  if (typeof socketId !== "string" || typeof channelName !== "string") {
    return fail("VALIDATION", "Send socket_id and channel_name.");
  }
  if (!SOCKET_ID_PATTERN.test(socketId) || channelName.length > 200) {
    return fail("FORBIDDEN", "This channel is not yours.");
  }
  const channel = parseChannel(channelName);
  if (channel?.kind !== "user" || channel.userId !== user.id) {
    return fail("FORBIDDEN", "This channel is not yours.");
  }
  const { auth } = signer(socketId, channelName);
  return ok({ auth });
}
