import { z } from "zod";

// Id schemas and "not found" wording shared by several features' validation and services.

/** What liking, saving, commenting on or editing a post that is gone (or whose author is suspended) says. */
export const POST_NOT_FOUND = "This post doesn't exist or was removed.";

/** What following, dismissing or reporting an account that does not exist says. */
export const USER_NOT_FOUND = "This account doesn't exist.";

export const postIdSchema = z.uuid({ message: "Unknown post." });

export const userIdSchema = z.uuid({ message: USER_NOT_FOUND });
