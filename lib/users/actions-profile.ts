"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { renewalTicket } from "@/lib/auth/two-factor-sign-in";
import { getDb } from "@/lib/db";
import { cropSchema } from "@/lib/posts/validation";
import { countOrRefuse } from "@/lib/rate-limit/abuse";
import { getAbuseLimits } from "@/lib/rate-limit/server-abuse";
import { authActionClient, byFieldPath } from "@/lib/safe-action";
import { getStorage } from "@/lib/storage";
import { changePasswordSchema, updateProfileSchema } from "@/lib/users/validation";
import {
  changePassword,
  isWrongCurrentPassword,
  removeAvatar,
  setAvatar,
  updateProfile,
} from "./service";

export const updateProfileAction = authActionClient
  .inputSchema(updateProfileSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    const result = await updateProfile(getDb(), ctx.user.id, parsedInput);
    if (result.ok) {
      revalidatePath(`/${ctx.user.username}`);
      revalidatePath(`/${result.data.username}`);
    }
    return result;
  });

export const setAvatarAction = authActionClient
  .inputSchema(
    z.object({ slotId: z.uuid({ message: "Unknown upload." }), crop: cropSchema.optional() }),
    byFieldPath,
  )
  .action(async ({ parsedInput, ctx }) => {
    const result = await setAvatar(getDb(), getStorage(), ctx.user.id, parsedInput);
    if (result.ok) revalidatePath(`/${ctx.user.username}`);
    return result;
  });

export const removeAvatarAction = authActionClient.action(async ({ ctx }) => {
  const result = await removeAvatar(getDb(), getStorage(), ctx.user.id);
  if (result.ok) revalidatePath(`/${ctx.user.username}`);
  return result;
});

/** Needs the current password; every other session ends, this one continues. */
export const changePasswordAction = authActionClient
  .inputSchema(changePasswordSchema, byFieldPath)
  .action(async ({ parsedInput, ctx }) => {
    // Wrong current-password guesses per account: each try is counted before the (slow) check,
    // so parallel guesses cannot all pass; a try that was not a wrong password is given back.
    const limits = getAbuseLimits();
    const limited = await countOrRefuse(limits, "passwordGuess", ctx.user.id);
    if (limited) return limited;
    const result = await changePassword(getDb(), ctx.user.id, parsedInput);
    if (!isWrongCurrentPassword(result)) await limits.passwordGuess.reward(ctx.user.id);
    if (!result.ok) return result;
    // The bump ended every session, this one too: this signed-in person (who passed two-factor,
    // if on, to get here) gets a new one from a server-side renewal ticket.
    const renew = await renewalTicket(getDb(), ctx.user.id);
    if (renew) await signIn("credentials", { renew, redirect: false });
    return result;
  });
