import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { deleteAccountAction } from "@/lib/account-deletion/actions";
import { AFTER_DELETE_PATH } from "@/lib/account-deletion/validation";
import { type ActionCase, signedInMatrix, type World } from "../action-cases";

// Settings -> Delete account: only the signed-in account itself, and only with its password.
// The input (the owner's password) is the same for every role: anyone else typing it is refused
// as a wrong password, with nothing changed.

const PASSWORD = "correct horse battery";

async function ownersPassword(w: World) {
  await w.h.setPassword(w.owner, PASSWORD);
  return { password: PASSWORD };
}

async function ownerDeleted(w: World) {
  const [row] = await w.h
    .db()
    .select({ status: users.status, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, w.owner.id));
  return row?.status === "deleted" && row.deletedAt !== null;
}

export const accountDeletionCases: Record<string, ActionCase> = {
  "account-deletion/actions:deleteAccountAction": {
    action: deleteAccountAction,
    arrange: ownersPassword,
    changed: ownerDeleted,
    matrix: signedInMatrix("changes", "VALIDATION"),
    redirect: () => AFTER_DELETE_PATH,
    bad: [
      { input: () => ({ password: "not the password" }), field: "password" },
      { input: () => ({ password: "" }), field: "password" },
      { input: () => ({}), field: "password" },
    ],
  },
};
