// Who may subscribe to which private channel: a signed-in user to `private-user-<their id>`,
// anyone (signed in or not) to `private-post-<id>` of a post they may see (not across a block, a
// private account's only for its followers), and nobody to anything else. Pure (the signer and the post check are passed in), so it is tested
// without a server.
import { fail, ok, type Result } from "@/lib/result";
import { parseChannel } from "./channels";

/** Signs `<socketId>:<channel>` with the app secret (the `pusher` SDK's authorizeChannel). */
export type ChannelSigner = (socketId: string, channel: string) => { auth: string };

/** The shape pusher-js sends: `socket_id` is `<digits>.<digits>`. */
export const SOCKET_ID_PATTERN = /^\d{1,20}\.\d{1,20}$/;

export type ChannelAuthorization = { auth: string };

/**
 * Whether `viewerId` (null: signed out) may see the post: the same answer as its page, so a
 * missing post, or a private account's post for a non-follower, is false.
 */
export type PostReadCheck = (postId: string, viewerId: string | null) => Promise<boolean>;

const NOT_YOURS = "This channel is not yours.";

export async function authorizeChannelFor(
  user: { id: string } | null,
  socketId: unknown,
  channelName: unknown,
  signer: ChannelSigner | null,
  mayReadPost: PostReadCheck,
): Promise<Result<ChannelAuthorization>> {
  // Signed-out visitors may follow a public post live, as they may read it; nothing else.
  const wantsPost = typeof channelName === "string" && parseChannel(channelName)?.kind === "post";
  if (!user && !wantsPost) return fail("UNAUTHENTICATED", "Sign in to continue.");
  if (!signer) return fail("NOT_FOUND", "Live updates are turned off.");
  if (typeof socketId !== "string" || typeof channelName !== "string") {
    return fail("VALIDATION", "Send socket_id and channel_name.");
  }
  if (!SOCKET_ID_PATTERN.test(socketId) || channelName.length > 200) {
    return fail("FORBIDDEN", NOT_YOURS);
  }
  const channel = parseChannel(channelName);
  if (!channel) return fail("FORBIDDEN", NOT_YOURS);
  if (channel.kind === "user" && channel.userId !== user?.id) return fail("FORBIDDEN", NOT_YOURS);
  // A post the viewer may not see answers as its page does: as missing.
  if (channel.kind === "post" && !(await mayReadPost(channel.postId, user?.id ?? null))) {
    return fail("NOT_FOUND", "This post doesn't exist or was removed.");
  }
  const { auth } = signer(socketId, channelName);
  return ok({ auth });
}
