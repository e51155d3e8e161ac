import "server-only";
import type { Db } from "@/db/client";
import { findVisiblePostForWrite } from "@/lib/posts/visibility";
import { fail, ok, type Result } from "@/lib/result";
import { POST_NOT_FOUND } from "@/lib/shared/ids";
import { deleteSave, insertSave } from "./queries";
import type { SetSaveInput } from "./validation";

/** Saves or unsaves a visible post for the user alone; repeating either changes nothing. */
export async function setSave(
  db: Db,
  userId: string,
  input: SetSaveInput,
  now = new Date(),
): Promise<Result<{ saved: boolean }>> {
  const { postId, saved } = input;
  return db.transaction(async (tx) => {
    if (!(await findVisiblePostForWrite(tx, postId, userId)))
      return fail("NOT_FOUND", POST_NOT_FOUND);
    if (saved) await insertSave(tx, userId, postId, now);
    else await deleteSave(tx, userId, postId);
    return ok({ saved });
  });
}
