import "server-only";
import type { Db } from "@/db/client";
import { findVisiblePost } from "@/lib/likes/queries";
import { POST_NOT_FOUND } from "@/lib/likes/validation";
import { fail, ok, type Result } from "@/lib/result";
import { fieldErrorsOf } from "@/lib/users/validation";
import { deleteSave, insertSave } from "./queries";
import { type SetSaveInput, setSaveSchema } from "./validation";

/** Saves or unsaves a visible post for the user alone; repeating either changes nothing. */
export async function setSave(
  db: Db,
  userId: string,
  input: SetSaveInput | unknown,
  now = new Date(),
): Promise<Result<{ saved: boolean }>> {
  const parsed = setSaveSchema.safeParse(input);
  if (!parsed.success) {
    return fail("VALIDATION", "Check the highlighted fields.", fieldErrorsOf(parsed.error));
  }
  const { postId, saved } = parsed.data;
  return db.transaction(async (tx) => {
    if (!(await findVisiblePost(tx, postId))) return fail("NOT_FOUND", POST_NOT_FOUND);
    if (saved) await insertSave(tx, userId, postId, now);
    else await deleteSave(tx, userId, postId);
    return ok({ saved });
  });
}
