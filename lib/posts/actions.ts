"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { getCdn } from "@/lib/cdn";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { publishNotifiedAfterResponse } from "@/lib/notifications/publish";
import { countOrRefuse, take } from "@/lib/rate-limit/abuse";
import { getAbuseLimits } from "@/lib/rate-limit/server-abuse";
import { getPublisher, publishPostRemoved } from "@/lib/realtime";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { getStorage } from "@/lib/storage";
import { createPost, deletePost, setPostControls, updatePost } from "./service";
import { requestUploads } from "./service-uploads";
import {
  createPostSchema,
  deletePostSchema,
  requestUploadsSchema,
  setPostControlsSchema,
  updatePostSchema,
} from "./validation";

// Each action: zod validation (next-safe-action) -> signed-in user from the session -> a service
// that checks the user's right to act and writes in one transaction.

/** Upload slots for 1-10 photos: the browser PUTs each file to its slot's URL. */
export const requestUploadsAction = authActionClient
  .inputSchema(requestUploadsSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) =>
    requestUploads(getDb(), getStorage(), ctx.user.id, parsedInput, {
      ttlSeconds: env.UPLOAD_URL_TTL_SECONDS,
    }),
  );

export const createPostAction = authActionClient
  .inputSchema(createPostSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const limited = await countOrRefuse(getAbuseLimits(), "post", ctx.user.id);
    if (limited) return limited;
    const { result, notified } = await createPost(getDb(), getStorage(), ctx.user.id, parsedInput);
    publishNotifiedAfterResponse(notified);
    if (result.ok) revalidatePath(`/${ctx.user.username}`);
    return result;
  });

export const updatePostAction = authActionClient
  .inputSchema(updatePostSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    // New mention notifications from edits are budgeted: an edit over the budget is refused whole.
    const limits = getAbuseLimits();
    const takeMentions = (count: number) => take(limits, "captionMention", ctx.user.id, count);
    const { result, notified } = await updatePost(getDb(), ctx.user.id, parsedInput, undefined, {
      takeMentions,
    });
    publishNotifiedAfterResponse(notified);
    if (result.ok) revalidatePath(`/p/${parsedInput.postId}`);
    return result;
  });

/** The author hides the like count or turns comments off (or back on); answers both settings. */
export const setPostControlsAction = authActionClient
  .inputSchema(setPostControlsSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setPostControls(getDb(), ctx.user.id, parsedInput);
    if (result.ok) revalidatePath(`/p/${parsedInput.postId}`);
    return result;
  });

export const deletePostAction = authActionClient
  .inputSchema(deletePostSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const result = await deletePost(
      getDb(),
      getStorage(),
      ctx.user.id,
      parsedInput.postId,
      getCdn(),
    );
    if (result.ok) {
      revalidatePath(`/${ctx.user.username}`);
      // Open pages of the post (and feed cards showing it) drop it.
      after(() => publishPostRemoved(getPublisher(), parsedInput.postId));
      // Navigate in the same response: a client-side push raced the post page's refresh (404).
      redirect(`/${ctx.user.username}`);
    }
    return result;
  });
