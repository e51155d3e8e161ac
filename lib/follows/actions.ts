"use server";

import { unverifiedRefusal } from "@/lib/auth/server-verification";
import { socialAction } from "@/lib/notifications/social-action";
import { setFollow } from "./service";
import { approveFollowRequest, deleteFollowRequestOf, setPrivateAccount } from "./service-requests";
import { followRequestSchema, setFollowSchema, setPrivateAccountSchema } from "./validation";

// The follower is always the signed-in user (ctx), never a field of the input.

/**
 * Follow (follow: true) or unfollow an account; answers the fresh follower count. An account whose
 * e-mail is not verified yet may follow a handful of accounts an hour (lib/auth/unverified.ts).
 */
export const setFollowAction = socialAction(
  "follow",
  setFollowSchema,
  async (db, userId, input) => {
    const refused = input.follow ? await unverifiedRefusal("follow", userId) : null;
    return refused ?? setFollow(db, userId, input);
  },
);

/** The signed-in owner approves a follow request: the requester now follows them. */
export const approveFollowRequestAction = socialAction(
  "follow",
  followRequestSchema,
  approveFollowRequest,
);

/** The signed-in owner deletes a follow request (the requester is not told). */
export const deleteFollowRequestAction = socialAction(
  "follow",
  followRequestSchema,
  deleteFollowRequestOf,
);

/** Settings' "Private account" switch; going public approves every pending request. */
export const setPrivateAccountAction = socialAction(
  "follow",
  setPrivateAccountSchema,
  setPrivateAccount,
);
