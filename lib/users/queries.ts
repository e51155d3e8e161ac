import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";

// The SQL of profile editing (lib/users/service.ts). Functions take (db, params).

/** What a profile edit checks against: the role (reserved names) and the current names. */
export async function findProfileOwner(db: Executor, userId: string) {
  const [row] = await db
    .select({ role: users.role, name: users.name, username: users.username })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Another account holding `username` (lower-case), if any. */
export async function findUsernameHolder(db: Executor, username: string, exceptUserId: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.username}) = ${username}`, ne(users.id, exceptUserId)));
  return row ?? null;
}

export async function updateProfileRow(
  db: Executor,
  userId: string,
  values: { name: string; username: string; bio: string; website: string | null; updatedAt: Date },
) {
  const [row] = await db
    .update(users)
    .set(values)
    .where(eq(users.id, userId))
    .returning({ username: users.username });
  return row ?? null;
}

export async function findAvatarKey(db: Executor, userId: string) {
  const [row] = await db
    .select({ avatarKey: users.avatarKey })
    .from(users)
    .where(eq(users.id, userId));
  return row?.avatarKey ?? null;
}

export async function setAvatarKey(db: Executor, userId: string, base: string | null, now: Date) {
  await db.update(users).set({ avatarKey: base, updatedAt: now }).where(eq(users.id, userId));
}

export async function findPasswordHash(db: Executor, userId: string) {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}
