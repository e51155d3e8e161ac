"use server";

import { socialAction } from "@/lib/notifications/social-action";
import { setSave } from "./service";
import { setSaveSchema } from "./validation";

// Saves belong to the signed-in user (ctx) alone, never to an id from the input.

/** Save (saved: true) or unsave a post to the user's private collection. */
export const setSaveAction = socialAction("save", setSaveSchema, setSave);
