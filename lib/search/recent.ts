import "server-only";
import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { hashtags, recentSearches, users } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/result";
import { personColumns, toPersonView, viewerFollowsColumn } from "@/lib/shared/people";
import type { PersonView } from "@/lib/shared/post-views";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import type { RecordSearchInput } from "./validation";

// The few people and tags a user opened from search, newest first, shown when the box is empty.

export const RECENT_SEARCHES_KEPT = 10;

export type RecentSearch =
  | { kind: "user"; user: PersonView; searchedAt: string }
  | { kind: "tag"; tag: string; postCount: number; searchedAt: string };

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

/** The viewer's recent searches, newest first; people who left or tags gone are skipped. */
export async function listRecentSearches(
  db: Executor,
  viewerId: string,
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<RecentSearch[]> {
  const recent = await db
    .select({
      kind: recentSearches.kind,
      target: recentSearches.target,
      at: recentSearches.searchedAt,
    })
    .from(recentSearches)
    .where(eq(recentSearches.userId, viewerId))
    .orderBy(desc(recentSearches.searchedAt))
    .limit(RECENT_SEARCHES_KEPT);
  const ids = recent.filter((r) => r.kind === "user").map((r) => r.target);
  const tags = recent.filter((r) => r.kind === "tag").map((r) => r.target);
  const [people, tagRows] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .select({ ...personColumns, viewerFollows: viewerFollowsColumn(viewerId) })
          .from(users)
          .where(and(inArray(users.id, ids), eq(users.status, "active"))),
    tags.length === 0
      ? []
      : db
          .select({ tag: hashtags.tag, postCount: hashtags.postCount })
          .from(hashtags)
          .where(and(inArray(hashtags.tag, tags), gt(hashtags.postCount, 0))),
  ]);
  const personOf = new Map(people.map((p) => [p.id, p]));
  const tagOf = new Map(tagRows.map((t) => [t.tag, t]));
  return recent.flatMap((r): RecentSearch[] => {
    const searchedAt = r.at.toISOString();
    if (r.kind === "user") {
      const person = personOf.get(r.target);
      return person
        ? [{ kind: "user", user: toPersonView(storage, person, viewerId), searchedAt }]
        : [];
    }
    const tag = tagOf.get(r.target);
    return tag ? [{ kind: "tag", tag: tag.tag, postCount: tag.postCount, searchedAt }] : [];
  });
}

/** Forgets every recent search of the viewer; answers how many there were. */
export async function clearRecentSearches(db: Executor, viewerId: string): Promise<number> {
  const gone = await db
    .delete(recentSearches)
    .where(eq(recentSearches.userId, viewerId))
    .returning({ target: recentSearches.target });
  return gone.length;
}
