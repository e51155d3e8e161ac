"use server";

import { socialAction } from "@/lib/notifications/social-action";
import { setFollow } from "./service";
import { setFollowSchema } from "./validation";

// The follower is always the signed-in user (ctx), never a field of the input.

/** Follow (follow: true) or unfollow an account; answers the fresh follower count. */
export const setFollowAction = socialAction("follow", setFollowSchema, setFollow);
