import "server-only";
import { and, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type EmailTokenPurpose, emailTokens, users } from "@/db/schema";

// The SQL of e-mail verification and change. Each function takes (db, params).

/** The account's address and whether it is verified, with a pending (unexpired) new address. */
export async function findEmailState(db: Executor, userId: string, now: Date) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      emailVerifiedAt: users.emailVerifiedAt,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const [pending] = await db
    .select({ email: emailTokens.email })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.userId, userId),
        eq(emailTokens.purpose, "change"),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .orderBy(desc(emailTokens.createdAt))
    .limit(1);
  return { ...row, pendingEmail: pending?.email ?? null };
}

export async function isEmailVerified(db: Executor, userId: string) {
  const [row] = await db
    .select({ at: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return Boolean(row?.at);
}

/** Whether another account uses this address (case-insensitive, as users_email_lower_idx). */
export async function isEmailTaken(db: Executor, email: string, exceptUserId: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()} and ${users.id} <> ${exceptUserId}`)
    .limit(1);
  return row !== undefined;
}

export async function insertEmailToken(
  db: Executor,
  values: {
    userId: string;
    purpose: EmailTokenPurpose;
    email: string;
    tokenHash: string;
    expiresAt: Date;
  },
) {
  await db.insert(emailTokens).values(values);
}

/** Marks an unused, unexpired token of one of `purposes` as used and returns it; null if none. */
export async function consumeEmailToken(
  db: Executor,
  tokenHash: string,
  purposes: EmailTokenPurpose[],
  now: Date,
) {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.tokenHash, tokenHash),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
        inArray(emailTokens.purpose, purposes),
      ),
    )
    .returning();
  return row ?? null;
}

/** The token if it is unused and unexpired (for the pages, which only read). */
export async function findUsableEmailToken(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ purpose: emailTokens.purpose, email: emailTokens.email })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.tokenHash, tokenHash),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .orderBy(desc(emailTokens.createdAt))
    .limit(1);
  return row ?? null;
}

/** Earlier links of these purposes stop working (a newer link, or the address changed). */
export async function invalidateEmailTokens(
  db: Executor,
  userId: string,
  purposes: EmailTokenPurpose[],
  now: Date,
) {
  await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.userId, userId),
        isNull(emailTokens.usedAt),
        inArray(emailTokens.purpose, purposes),
      ),
    );
}

/** Marks the address verified, if it is still `email` (a link for an older address does not). */
export async function markEmailVerified(db: Executor, userId: string, email: string, now: Date) {
  const [row] = await db
    .update(users)
    .set({ emailVerifiedAt: now, updatedAt: now })
    .where(and(eq(users.id, userId), sql`lower(${users.email}) = ${email.toLowerCase()}`))
    .returning({ id: users.id });
  return row !== undefined;
}

/** Sets the account's address, verified now; returns the address it had. */
export async function setVerifiedEmail(db: Executor, userId: string, email: string, now: Date) {
  const [before] = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId))
    .for("update")
    .limit(1);
  if (!before) return null;
  await db
    .update(users)
    .set({ email, emailVerifiedAt: now, updatedAt: now })
    .where(eq(users.id, userId));
  return before;
}

export async function findUnverifiedEmail(db: Executor, userId: string) {
  const [row] = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
    .limit(1);
  return row?.email ?? null;
}
