import { describe, expect, it } from "vitest";
import { setLike } from "@/lib/likes/service";
import { hitSocialLimit } from "@/lib/rate-limit/social";
import { withTestDatabase } from "./helpers/db";
import { countRows, insertPost, insertUser, postCounts } from "./helpers/social";

// The like action checks hitSocialLimit before calling setLike; this drives the same pair.

const database = withTestDatabase();

describe("a burst of 100 likes and unlikes from one user", () => {
  it("is limited with a clear message, and the like count stays exact", async () => {
    const author = await insertUser(database.db);
    const fan = await insertUser(database.db);
    const postId = await insertPost(database.db, author.id);
    const messages: string[] = [];
    let applied = 0;
    for (let i = 0; i < 100; i++) {
      const limited = await hitSocialLimit("like", fan.id);
      if (limited) {
        messages.push(limited);
        continue;
      }
      const result = (await setLike(database.db, fan.id, { postId, liked: i % 2 === 0 })).result;
      expect(result.ok).toBe(true);
      applied += 1;
    }
    expect(applied).toBe(60);
    expect(messages).toHaveLength(40);
    expect(messages[0]).toBe("Too many likes. Try again in 1 minute.");
    const likeRows = await countRows(database.db, "likes");
    expect((await postCounts(database.db, postId))?.likeCount).toBe(likeRows);
  });
});
