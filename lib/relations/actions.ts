"use server";

import { socialAction } from "@/lib/notifications/social-action";
import { getPublisher, publishChannelsReauthorize } from "@/lib/realtime";
import { setBlock, setMute } from "./service";
import { setBlockSchema, setMuteSchema } from "./validation";

// The blocker and the muter are always the signed-in user (ctx), never a field of the input.

/**
 * Block (blocked: true) or unblock an account. After a block both people's open pages authorise
 * their channels again (channels.reauthorize on each one's own channel), so a page either has open
 * of the other's posts stops hearing them: the post's channel now answers as missing.
 */
export const setBlockAction = socialAction(
  "block",
  setBlockSchema,
  setBlock,
  async ({ blocked }, { userId }, actorId) => {
    if (!blocked) return;
    const publisher = getPublisher();
    await Promise.all([
      publishChannelsReauthorize(publisher, userId),
      publishChannelsReauthorize(publisher, actorId),
    ]);
  },
);

/** Mute an account's posts and/or comments, or unmute (both false). */
export const setMuteAction = socialAction("block", setMuteSchema, setMute);
