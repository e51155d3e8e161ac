import { expect, type Page, test } from "@playwright/test";
import { CreatePostPage } from "./pages/create-post-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { twoSignedUp } from "./support/sign-up";

// Two people: B follows and comments on A's photo; A blocks B from B's profile (the confirm
// explains what happens); B's page, open on A's post, stops hearing its likes; B, on a phone, finds neither A's profile, nor the post, nor A in
// search; A unblocks from Settings -> Blocked accounts. Then B mutes A's posts: the follow stays,
// A's photo leaves B's feed.

const GONE = "Sorry, this page isn't available.";

async function follow(page: Page, username: string) {
  await openHydrated(page, `/${username}`);
  await page.getByRole("main").getByRole("button", { name: "Follow", exact: true }).first().click();
  await expect(
    page.getByRole("main").getByRole("button", { name: "Following", exact: true }).first(),
  ).toBeVisible();
}

async function profileOption(page: Page, username: string, option: string) {
  await openHydrated(page, `/${username}`);
  await page.getByRole("button", { name: `Options for ${username}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: option, exact: true }).click();
}

test("A blocks B, B can no longer find A (at 375 px); A unblocks in Settings; B mutes A", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { a, b, pageA, pageB } = await twoSignedUp(browser);
  await pageB.setViewportSize({ width: 375, height: 740 });

  const postId = await test.step("A shares a photo; B follows A and comments", async () => {
    const create = new CreatePostPage(pageA);
    await create.goto();
    await create.choose([await photoFile("dune.jpg", 1200, 1200, "#d97706")]);
    await create.next();
    await create.describe("Dunes at noon", ["Orange dunes"]);
    const id = await create.share();
    await follow(pageB, a.username);
    await openHydrated(pageB, `/p/${id}`);
    const post = pageB.getByRole("article", { name: `Post by ${a.username}` });
    await post.getByRole("textbox", { name: "Add a comment" }).fill("Hot out there");
    await post.getByRole("button", { name: "Post", exact: true }).click();
    await expect(post.getByText("Hot out there")).toBeVisible();
    return id;
  });

  await test.step("B's open page of A's post hears A's likes live", async () => {
    await openHydrated(pageA, `/p/${postId}`);
    const mine = pageA.getByRole("article", { name: `Post by ${a.username}` });
    await mine.getByRole("button", { name: "Like", exact: true }).click();
    await expect(pageB.getByRole("button", { name: "1 like" })).toBeVisible();
    await mine.getByRole("button", { name: "Unlike", exact: true }).click();
    await expect(pageB.getByRole("button", { name: "1 like" })).toHaveCount(0);
  });

  await test.step("A blocks B from B's profile, after a confirm that says what happens", async () => {
    await profileOption(pageA, b.username, "Block");
    const confirm = pageA.getByRole("dialog", { name: `Block ${b.username}?` });
    await expect(confirm).toContainText("their likes and comments on your posts will be removed");
    await confirm.getByRole("button", { name: "Block", exact: true }).click();
    await expect(pageA.getByRole("heading", { name: `You blocked ${b.username}` })).toBeVisible();
    await openHydrated(pageA, `/p/${postId}`);
    await expect(pageA.getByText("Hot out there")).toHaveCount(0);
  });

  await test.step("B's page, still open on A's post, no longer hears it (live events never cross a block)", async () => {
    const mine = pageA.getByRole("article", { name: `Post by ${a.username}` });
    await mine.getByRole("button", { name: "Like", exact: true }).click();
    await expect(mine.getByRole("button", { name: "1 like" })).toBeVisible();
    // Before the block the same like reached B's page within a moment (the step above).
    await pageB.waitForTimeout(3000);
    await expect(pageB.getByRole("button", { name: "1 like" })).toHaveCount(0);
  });

  await test.step("B, on a phone, finds neither A's profile, nor the post, nor A in search", async () => {
    await openHydrated(pageB, `/${a.username}`);
    await expect(pageB.getByRole("heading", { name: GONE })).toBeVisible();
    await openHydrated(pageB, `/p/${postId}`);
    await expect(pageB.getByRole("heading", { name: GONE })).toBeVisible();
    await pageB.screenshot({ path: "test-results/blocks-blocked-view-375.png" });
    const search = await pageB.request.get(`/api/search?q=${a.username}`);
    expect(((await search.json()) as { users: unknown[] }).users).toEqual([]);
    await openHydrated(pageB, "/");
    await expect(pageB.locator(`a[href="/p/${postId}"]`)).toHaveCount(0);
  });

  await test.step("A unblocks B in Settings -> Blocked accounts", async () => {
    await openHydrated(pageA, "/accounts/settings");
    await pageA.getByRole("link", { name: "Manage" }).click();
    await expect(pageA.getByRole("heading", { name: "Blocked accounts" })).toBeVisible();
    await pageA.getByRole("button", { name: `Unblock ${b.username}` }).click();
    await expect(pageA.getByText("You haven't blocked anyone.")).toBeVisible();
    await openHydrated(pageB, `/${a.username}`);
    await expect(pageB.getByRole("heading", { name: a.username })).toBeVisible();
  });

  await test.step("B follows A again and mutes A's posts: still following, not in the feed", async () => {
    await follow(pageB, a.username);
    await openHydrated(pageB, "/");
    await expect(pageB.locator(`a[href="/p/${postId}"]`).first()).toBeVisible();
    await profileOption(pageB, a.username, "Mute posts");
    await expect(pageB.getByRole("dialog")).toHaveCount(0);
    await expect(
      pageB.getByRole("main").getByRole("button", { name: "Following", exact: true }).first(),
    ).toBeVisible();
    await openHydrated(pageB, "/");
    await expect(pageB.locator(`a[href="/p/${postId}"]`)).toHaveCount(0);
    await openHydrated(pageB, "/accounts/blocked");
    await expect(pageB.getByText("Posts muted")).toBeVisible();
  });
});
