import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { followRequests, posts, users } from "@/db/schema";
import { demoUsers, seed } from "@/db/seed";
import { communityUsers } from "@/db/seed-community";
import { privateUsers } from "@/db/seed-private";
import { listExplorePage } from "@/lib/discover/explore";
import { suggestedPeople, trendingTags } from "@/lib/discover/queries";
import { listFeedPage } from "@/lib/feed/queries";
import { getProfileView } from "@/lib/users/queries-profile";
import { withTestDatabase } from "./helpers/db";
import { tempStorage } from "./helpers/media";
import { MISSING_POST } from "./helpers/social";

// `npm run seed` is what a newcomer sees first: every demo account must land on a full product
// (a feed, an Explore grid, trending tags, suggestions), not "Nothing to explore yet".

const database = withTestDatabase();
const storage = tempStorage();
afterAll(() => storage.remove());
const db = () => database.db;
const posters = demoUsers.filter((u) => u.role === "user").map((u) => u.username);

async function idOf(username: string) {
  const [row] = await db().select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no ${username}`);
  return row.id;
}

describe("the demo content", () => {
  it("gives every demo account a feed, a full Explore grid, trending tags and suggestions; runs twice", async () => {
    const first = await seed(db(), storage);
    expect(first.inserted).toBe(demoUsers.length + communityUsers.length + privateUsers.length);
    expect(first.posts).toBe(
      posters.length * 7 + communityUsers.length * 4 + privateUsers.length * 3,
    );
    // A private account with ana's request pending: the feature shows on a first run.
    const priya = await getProfileView(db(), "priya.hikes", await idOf("ana"));
    expect(priya).toMatchObject({
      isPrivate: true,
      viewerRequested: true,
      viewerCanSeePosts: false,
      followerCount: 1,
    });
    expect(
      await db()
        .select()
        .from(followRequests)
        .where(eq(followRequests.targetId, priya?.id ?? "")),
    ).toHaveLength(1);

    for (const username of posters) {
      const viewerId = await idOf(username);
      const feed = await listFeedPage(db(), { viewerId }, storage);
      expect(feed?.items.length, `${username}'s feed`).toBeGreaterThanOrEqual(10);

      const explore = await listExplorePage(db(), { viewerId }, storage);
      const ids = explore?.items.map((item) => item.id) ?? [];
      const authors = new Set(
        (
          await db()
            .select({ username: users.username })
            .from(posts)
            .innerJoin(users, eq(users.id, posts.authorId))
            .where(inArray(posts.id, ids.length > 0 ? ids : [MISSING_POST]))
        ).map((r) => r.username),
      );
      // Five community accounts are not followed: their 20 posts fill the grid.
      expect(explore?.items.length, `${username}'s Explore`).toBeGreaterThanOrEqual(15);
      expect(authors.size, `${username}'s Explore authors`).toBeGreaterThanOrEqual(5);
      for (const author of authors) expect(posters).not.toContain(author);
      expect(authors).not.toContain("priya.hikes");

      const people = await suggestedPeople(db(), { viewerId }, storage);
      expect(people.length, `${username}'s suggestions`).toBeGreaterThanOrEqual(3);
    }
    const tags = await trendingTags(db());
    expect(tags.length).toBeGreaterThanOrEqual(5);

    // Likes vary, so Explore ranks by something: not every community post has the same count.
    const likeCounts = await db().execute<{ n: number }>(
      sql`select distinct like_count as n from posts p join users u on u.id = p.author_id
          where u.username in ${communityUsers.map((u) => u.username)}`,
    );
    const distinct = Array.isArray(likeCounts)
      ? likeCounts
      : (likeCounts as { rows: unknown[] }).rows;
    expect(distinct.length).toBeGreaterThanOrEqual(4);

    const again = await seed(db(), storage);
    expect(again).toMatchObject({ inserted: 0, posts: 0 });
  }, 240_000);
});
