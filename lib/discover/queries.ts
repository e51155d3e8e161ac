import "server-only";
import { asc, desc, eq, gt } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { dismissedSuggestions, hashtags, trendingHashtags, users } from "@/db/schema";
import { suggestPeople } from "@/lib/follows/queries";
import { pageLimit } from "@/lib/pagination/page-params";
import { fail, ok, type Result } from "@/lib/result";
import { USER_NOT_FOUND } from "@/lib/shared/ids";
import type { PersonView } from "@/lib/shared/post-views";
import { getStorage } from "@/lib/storage";
import type { Storage } from "@/lib/storage/types";
import { refreshWhenStale } from "./service";
import type { DismissSuggestionInput } from "./validation";

export { EXPLORE_PAGE_SIZE, explorePageQuery, listExplorePage } from "./explore";
export { type TagPageView, tagPage } from "./tag-page";

// All SQL of Discover. Functions take (db, params) so they run in or out of a transaction and in
// tests with a fixed clock (`now`).

export type TrendingTag = {
  tag: string;
  postCount: number;
  /** uses in the last 24 hours */
  uses24h: number;
  /** growing against its 7-day baseline (false: listed because it is much used) */
  rising: boolean;
};

/** Trending tags, best first (see rankTrendingTags), rebuilt when older than 10 minutes. */
export async function trendingTags(
  db: Db,
  params: { limit?: number; now?: Date } = {},
): Promise<TrendingTag[]> {
  const limit = pageLimit(params.limit, { fallback: 12, max: 30 });
  await refreshWhenStale(db, "trending", params.now ?? new Date());
  const rows = await db
    .select({
      tag: hashtags.tag,
      postCount: hashtags.postCount,
      uses24h: trendingHashtags.uses24h,
      score: trendingHashtags.score,
    })
    .from(trendingHashtags)
    .innerJoin(hashtags, eq(hashtags.id, trendingHashtags.hashtagId))
    .where(gt(hashtags.postCount, 0))
    .orderBy(asc(trendingHashtags.rank))
    .limit(limit);
  return rows.map((r) => ({
    tag: r.tag,
    postCount: r.postCount,
    uses24h: r.uses24h,
    rising: r.score > 0,
  }));
}

/** Dismissals taken into account per request (the newest); older ones may come back. */
const DISMISSALS_CONSIDERED = 50;

/**
 * "Suggested for you": suggestPeople (friends of friends, then popular) without the people the
 * viewer dismissed. Asks suggestPeople for as many more as there are dismissals, at most 60.
 */
export async function suggestedPeople(
  db: Executor,
  params: { viewerId: string; limit?: number },
  storage: Pick<Storage, "publicUrl"> = getStorage(),
): Promise<PersonView[]> {
  const limit = pageLimit(params.limit, { fallback: 10, max: 30 });
  const dismissed = await db
    .select({ id: dismissedSuggestions.suggestedId })
    .from(dismissedSuggestions)
    .where(eq(dismissedSuggestions.userId, params.viewerId))
    .orderBy(desc(dismissedSuggestions.createdAt))
    .limit(DISMISSALS_CONSIDERED);
  const skip = new Set(dismissed.map((d) => d.id));
  const people = await suggestPeople(db, params.viewerId, Math.min(limit + skip.size, 60), storage);
  return people.filter((p) => !skip.has(p.id)).slice(0, limit);
}

/** The viewer hides someone from their suggestions for good (idempotent). */
export async function dismissSuggestion(
  db: Executor,
  viewerId: string,
  input: DismissSuggestionInput,
  now = new Date(),
): Promise<Result<undefined>> {
  const { userId } = input;
  if (userId === viewerId) return fail("VALIDATION", "You can't dismiss yourself.");
  const [target] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!target) return fail("NOT_FOUND", USER_NOT_FOUND);
  await db
    .insert(dismissedSuggestions)
    .values({ userId: viewerId, suggestedId: userId, createdAt: now })
    .onConflictDoNothing();
  return ok(undefined);
}
