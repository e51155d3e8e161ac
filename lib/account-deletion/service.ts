import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { ACCOUNT_RESTORE_DAYS } from "@/lib/auth/deleted-accounts";
import { verifyPassword } from "@/lib/auth/password";
import { revokeAllSessions } from "@/lib/auth/session-queries";
import { isTwoFactorOn, spendSecondFactor } from "@/lib/auth/two-factor";
import { queueAccountMedia } from "@/lib/media/jobs";
import { fail, ok, type Result } from "@/lib/result";
import type { DeleteAccountInput } from "./validation";

// Deleting one's own account. It reuses what hides a suspended account: every read of people,
// posts, comments, likes, follows, notifications, search, Discover and the feed already keeps
// only users.status = 'active', and the session check signs out any other status. So one update
// of the status hides the account everywhere at once; its photos move to the held folder (off
// the CDN). A sign-in within ACCOUNT_RESTORE_DAYS gives it back (lib/auth/deleted-accounts.ts);
// after that the maintenance pass erases it (./erase.ts).

export const WRONG_PASSWORD = "That password isn't right.";
export const WRONG_CODE = "Enter the newest code from your authenticator app (or a recovery code).";

export type DeletedAccount = { restoreUntil: Date };

/**
 * The owner deletes their account after typing their password (and, with two-factor on, a code
 * from their app or a recovery code): hidden everywhere, every session
 * ended (session_version bumped and every session row revoked), photos queued to leave the
 * public folders. A wrong password or code changes nothing.
 */
export async function deleteAccount(
  db: Db,
  userId: string,
  input: DeleteAccountInput,
  now = new Date(),
): Promise<Result<DeletedAccount>> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(eq(users.id, userId));
  if (user?.status !== "active") return fail("NOT_FOUND", "Account not found.");
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    return fail("VALIDATION", WRONG_PASSWORD, { password: [WRONG_PASSWORD] });
  }

  // With two-factor on, the code too (an app code or a recovery code, spent like a sign-in's),
  // after the password and before anything changes.
  if (await isTwoFactorOn(db, userId)) {
    const code = input.code ?? "";
    if (!code || !(await spendSecondFactor(db, userId, code, now, now))) {
      return fail("VALIDATION", WRONG_CODE, { code: [WRONG_CODE] });
    }
  }

  return db.transaction(async (tx): Promise<Result<DeletedAccount>> => {
    const [row] = await tx
      .update(users)
      .set({
        status: "deleted",
        deletedAt: now,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: now,
      })
      .where(and(eq(users.id, userId), eq(users.status, "active")))
      .returning({ id: users.id });
    if (!row) return fail("NOT_FOUND", "Account not found.");
    await revokeAllSessions(tx, userId, now);
    await queueAccountMedia(tx, userId, now);
    return ok({ restoreUntil: new Date(now.getTime() + ACCOUNT_RESTORE_DAYS * 86_400_000) });
  });
}
