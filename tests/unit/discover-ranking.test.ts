import { describe, expect, it } from "vitest";
import {
  isTrending,
  MIN_TRENDING_USES,
  postScore,
  rankTrendingTags,
  trendingTagScore,
} from "@/lib/discover/ranking";

// A fixed clock: every age below is measured from NOW.
const NOW = new Date("2026-03-01T12:00:00.000Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const post = (likeCount: number, commentCount: number, ageHours: number) => ({
  likeCount,
  commentCount,
  createdAt: hoursAgo(ageHours),
});

describe("postScore = (likes + 2 * comments + 1) / (age_hours + 2) ^ 1.5", () => {
  it("computes the formula", () => {
    expect(postScore(post(0, 0, 0), NOW)).toBeCloseTo(1 / 2 ** 1.5, 12);
    expect(postScore(post(10, 5, 2), NOW)).toBeCloseTo(21 / 4 ** 1.5, 12); // 21 / 8
    expect(postScore(post(10, 5, 2), NOW)).toBeCloseTo(2.625, 12);
    expect(postScore(post(99, 0, 23), NOW)).toBeCloseTo(100 / 125, 12); // 25 ^ 1.5 = 125
  });

  it("weighs a comment as two likes", () => {
    expect(postScore(post(0, 3, 5), NOW)).toBe(postScore(post(6, 0, 5), NOW));
  });

  it("decays with age: the same engagement scores less later", () => {
    const scores = [0, 1, 6, 24, 24 * 7, 24 * 30].map((h) => postScore(post(50, 10, h), NOW));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1] ?? 0);
  });

  it("lets a fresh post with a few likes beat a day-old post with more", () => {
    expect(postScore(post(5, 0, 1), NOW)).toBeGreaterThan(postScore(post(40, 0, 24), NOW));
  });

  it("treats a post from the future (clock skew) as brand new, never negative", () => {
    expect(postScore(post(3, 0, -5), NOW)).toBe(postScore(post(3, 0, 0), NOW));
    expect(postScore(post(0, 0, 24 * 365), NOW)).toBeGreaterThan(0);
  });

  it("depends on the as-of time only through the age", () => {
    const p = post(7, 2, 3);
    const later = new Date(NOW.getTime() + 10 * 3_600_000);
    expect(postScore(p, later)).toBeCloseTo(postScore(post(7, 2, 13), NOW), 12);
  });
});

describe("trendingTagScore = (uses24h + 1) / (uses7d / 7 + 1)", () => {
  it("computes the formula", () => {
    expect(trendingTagScore({ uses24h: 10, uses7d: 10 })).toBeCloseTo(11 / (10 / 7 + 1), 12);
    expect(trendingTagScore({ uses24h: 10, uses7d: 70 })).toBe(1);
    expect(trendingTagScore({ uses24h: 0, uses7d: 0 })).toBe(1);
  });

  it("ranks growth above volume", () => {
    const newcomer = trendingTagScore({ uses24h: 6, uses7d: 6 });
    const giant = trendingTagScore({ uses24h: 500, uses7d: 3500 });
    expect(newcomer).toBeGreaterThan(giant);
  });

  it("needs MIN_TRENDING_USES uses in 24 hours", () => {
    expect(MIN_TRENDING_USES).toBe(3);
    expect(isTrending({ uses24h: 2 })).toBe(false);
    expect(isTrending({ uses24h: 3 })).toBe(true);
    expect(isTrending({ uses24h: 1 }, 1)).toBe(true);
  });
});

describe("rankTrendingTags", () => {
  const tag = (name: string, uses24h: number, uses7d: number) => ({
    hashtagId: name,
    tag: name,
    uses24h,
    uses7d,
  });

  it("orders by score, then uses today, then name, leaving out tags under the threshold", () => {
    const ranked = rankTrendingTags([
      tag("steady", 10, 70),
      tag("tiny", 2, 2),
      tag("rising", 6, 6),
      tag("b-tie", 3, 0),
      tag("a-tie", 3, 0),
      tag("bigtie", 7, 28),
    ]);
    expect(ranked.map((t) => t.tag)).toEqual(["a-tie", "b-tie", "rising", "bigtie", "steady"]);
    expect(ranked[0]?.score).toBe(4);
    // (7 + 1) / (28/7 + 1) = 1.6, ranked under "rising" (3.77) and above "steady" (1)
    expect(ranked[3]?.score).toBeCloseTo(1.6, 12);
  });

  it("is empty when nothing trends", () => {
    expect(rankTrendingTags([])).toEqual([]);
    expect(rankTrendingTags([tag("x", 1, 1)])).toEqual([]);
  });
});
