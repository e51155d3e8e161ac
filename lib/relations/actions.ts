"use server";

import { socialAction } from "@/lib/notifications/social-action";
import { setBlock, setMute } from "./service";
import { setBlockSchema, setMuteSchema } from "./validation";

// The blocker and the muter are always the signed-in user (ctx), never a field of the input.

/** Block (blocked: true) or unblock an account. */
export const setBlockAction = socialAction("block", setBlockSchema, setBlock);

/** Mute an account's posts and/or comments, or unmute (both false). */
export const setMuteAction = socialAction("block", setMuteSchema, setMute);
