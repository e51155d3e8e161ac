// Channel names of the app, shared by the server (publish, authorize) and the browser (subscribe).
// Pure: no Node or browser APIs, so both sides and the unit tests import it.

/** Ids that may appear in a channel name: the app's UUIDs and nothing a channel name forbids. */
export const CHANNEL_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Path of the channel authorization endpoint (app/api/realtime/auth/route.ts). */
export const REALTIME_AUTH_ENDPOINT = "/api/realtime/auth";

const POST_PREFIX = "private-post-";
const USER_PREFIX = "private-user-";

function checkId(id: string, what: string): string {
  if (!CHANNEL_ID_PATTERN.test(id)) throw new TypeError(`invalid ${what} id for a channel name`);
  return id;
}

/**
 * Private channel of one post: counts and comments of that post. Private (the app authorizes each
 * subscription) so a post is live only for those who may see it: not across a block, and a private
 * account's post only for its followers (see app/api/realtime/auth).
 */
export function postChannel(postId: string): string {
  return `${POST_PREFIX}${checkId(postId, "post")}`;
}

/** Private channel of one user: their notifications; only they are authorized to subscribe. */
export function userChannel(userId: string): string {
  return `${USER_PREFIX}${checkId(userId, "user")}`;
}

export type ParsedChannel = { kind: "post"; postId: string } | { kind: "user"; userId: string };

/** The channel a name stands for, or null for any name the app never uses. */
export function parseChannel(name: string): ParsedChannel | null {
  if (name.startsWith(USER_PREFIX)) {
    const userId = name.slice(USER_PREFIX.length);
    return CHANNEL_ID_PATTERN.test(userId) ? { kind: "user", userId } : null;
  }
  if (name.startsWith(POST_PREFIX)) {
    const postId = name.slice(POST_PREFIX.length);
    return CHANNEL_ID_PATTERN.test(postId) ? { kind: "post", postId } : null;
  }
  return null;
}
