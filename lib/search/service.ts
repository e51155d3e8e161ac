import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { hashtags, recentSearches, users } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/result";
import { RECENT_SEARCHES_KEPT } from "./queries";
import type { RecordSearchInput } from "./validation";

// The few people and tags a user opened from search, newest first, shown when the box is empty.

/**
 * Remembers that the viewer opened a person (by id) or a tag from search: moves it to the top,
 * then forgets all but the newest RECENT_SEARCHES_KEPT, in one transaction. The target must
 * exist (an active account, a used tag).
 */
export async function recordSearch(
  db: Db,
  viewerId: string,
  input: RecordSearchInput,
  now = new Date(),
): Promise<Result<undefined>> {
  const { kind, target } = input;
  const [found] =
    kind === "user"
      ? await db
          .select({ one: sql<number>`1` })
          .from(users)
          .where(and(eq(users.id, target), eq(users.status, "active")))
      : await db
          .select({ one: sql<number>`1` })
          .from(hashtags)
          .where(and(eq(hashtags.tag, target), gt(hashtags.postCount, 0)));
  if (!found) return fail("NOT_FOUND", kind === "user" ? "No such account." : "No such tag.");
  await db.transaction(async (tx) => {
    await tx
      .insert(recentSearches)
      .values({ userId: viewerId, kind, target, searchedAt: now })
      .onConflictDoUpdate({
        target: [recentSearches.userId, recentSearches.kind, recentSearches.target],
        set: { searchedAt: now },
      });
    await tx.execute(sql`
      delete from recent_searches r
      where r.user_id = ${viewerId} and (r.kind, r.target) not in (
        select k.kind, k.target from recent_searches k where k.user_id = ${viewerId}
        order by k.searched_at desc, k.kind, k.target limit ${RECENT_SEARCHES_KEPT}
      )`);
  });
  return ok(undefined);
}

/** Forgets every recent search of the viewer; answers how many there were. */
export async function clearRecentSearches(db: Executor, viewerId: string): Promise<number> {
  const gone = await db
    .delete(recentSearches)
    .where(eq(recentSearches.userId, viewerId))
    .returning({ target: recentSearches.target });
  return gone.length;
}
