// How Discover ranks posts and tags. Pure functions of counts and a clock, so they are unit-tested
// at a fixed time; lib/discover/service.ts computes the same post score in SQL from these constants
// (an integration test checks both give one order).

const HOUR_MS = 3_600_000;

/** Weight of a comment against a like: a comment costs more effort than a tap. */
export const COMMENT_WEIGHT = 2;
/** Hours added to a post's age, so a brand-new post does not divide by ~0. */
export const AGE_OFFSET_HOURS = 2;
/** How fast scores decay with age ("gravity"). */
export const GRAVITY = 1.5;

/**
 * Post score (Hacker-News style time decay):
 *
 *   score = (likes + 2 * comments + 1) / (age_hours + 2) ^ 1.5
 *
 * age_hours is measured at one fixed "as of" time for a whole ranking (never negative). The +1
 * keeps a post without reactions above zero, so fresh posts still order by age.
 */
export function postScore(
  post: { likeCount: number; commentCount: number; createdAt: Date },
  asOf: Date,
): number {
  const ageHours = Math.max(0, (asOf.getTime() - post.createdAt.getTime()) / HOUR_MS);
  const engagement = post.likeCount + COMMENT_WEIGHT * post.commentCount + 1;
  return engagement / (ageHours + AGE_OFFSET_HOURS) ** GRAVITY;
}

/** A tag needs at least this many uses in the last 24 hours to count as trending. */
export const MIN_TRENDING_USES = 3;

/**
 * Trending tag score: growth of the last 24 hours against the tag's daily baseline of the last
 * 7 days (uses7d includes the last 24 hours):
 *
 *   score = (uses_24h + 1) / (uses_7d / 7 + 1)
 *
 * A tag used 10 times today and never before scores 11; one used 10 times every day scores
 * 11 / 11 = 1. The +1 terms damp tiny counts.
 */
export function trendingTagScore(uses: { uses24h: number; uses7d: number }): number {
  return (uses.uses24h + 1) / (uses.uses7d / 7 + 1);
}

/** Whether a tag's use is high enough to trend (below the threshold, growth is noise). */
export function isTrending(uses: { uses24h: number }, minUses = MIN_TRENDING_USES): boolean {
  return uses.uses24h >= minUses;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type TagUses = { hashtagId: string; tag: string; uses24h: number; uses7d: number };

/**
 * Trending tags best first: those over the threshold by score, ties by more uses today, then by
 * tag (a stable order). Tags under the threshold are left out.
 */
export function rankTrendingTags(
  tags: TagUses[],
  minUses = MIN_TRENDING_USES,
): (TagUses & { score: number })[] {
  return tags
    .filter((t) => isTrending(t, minUses))
    .map((t) => ({ ...t, score: trendingTagScore(t) }))
    .sort((a, b) => b.score - a.score || b.uses24h - a.uses24h || byCodePoint(a.tag, b.tag));
}
