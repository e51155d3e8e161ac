import { expect, type Page, test } from "@playwright/test";
import { CreatePostPage } from "./pages/create-post-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { twoSignedUp } from "./support/sign-up";

// #15 end to end with two people: A goes private; B, on a phone, sees the locked profile and
// asks; A approves from the inbox; B sees the photo and comments; A blocks B from that comment
// and A's header for B reads Unblock; B (375 px) then finds neither A's profile, nor the post,
// nor A in search.

const GONE = "Sorry, this page isn't available.";
const main = (page: Page) => page.getByRole("main");

test("private account, request, approval, then a block: B's view at 375 px", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { a, b, pageA, pageB } = await twoSignedUp(browser);
  await pageB.setViewportSize({ width: 375, height: 812 });

  const postId = await test.step("A shares a photo and turns on Private account", async () => {
    const create = new CreatePostPage(pageA);
    await create.goto();
    await create.choose([await photoFile("lake.jpg", 1200, 1200, "#1d4ed8")]);
    await create.next();
    await create.describe("Blue lake", ["A blue square"]);
    const id = await create.share();
    await openHydrated(pageA, "/accounts/settings");
    await pageA.getByRole("switch", { name: "Private account" }).click();
    await expect(
      pageA.getByRole("region", { name: "Account privacy" }).getByRole("status"),
    ).toHaveText("Your account is private.");
    return id;
  });

  await test.step("B sees the locked profile at 375 px and asks to follow", async () => {
    await openHydrated(pageB, `/${a.username}`);
    await expect(main(pageB).getByRole("img", { name: "Private account" })).toBeVisible();
    await expect(
      main(pageB).getByRole("heading", { name: "This account is private" }),
    ).toBeVisible();
    await expect(pageB.locator(`a[href="/p/${postId}"]`)).toHaveCount(0);
    // The button turns Requested at once (optimistic): wait for the action's answer too.
    const answered = pageB.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith(`/${a.username}`),
    );
    await main(pageB).getByRole("button", { name: "Follow", exact: true }).click();
    await expect(main(pageB).getByRole("button", { name: "Requested", exact: true })).toBeVisible();
    expect((await answered).status()).toBe(200);
    // Still Requested after a reload: the server knows the request.
    await openHydrated(pageB, `/${a.username}`);
    await expect(main(pageB).getByRole("button", { name: "Requested", exact: true })).toBeVisible();
  });

  await test.step("A approves B from the inbox", async () => {
    await openHydrated(pageA, "/notifications");
    await main(pageA)
      .getByRole("link", { name: /Follow requests/ })
      .click();
    await pageA.getByRole("button", { name: `Confirm ${b.username}` }).click();
    await expect(pageA.getByText("No follow requests")).toBeVisible();
  });

  await test.step("B sees the photo and comments on it", async () => {
    await openHydrated(pageB, `/${a.username}`);
    await expect(main(pageB).getByRole("button", { name: "Following", exact: true })).toBeVisible();
    await expect(pageB.locator(`a[href="/p/${postId}"]`)).toBeVisible();
    await openHydrated(pageB, `/p/${postId}`);
    await expect(pageB.getByAltText("A blue square")).toBeVisible();
    const post = pageB.getByRole("article", { name: `Post by ${a.username}` });
    await post.getByRole("textbox", { name: "Add a comment" }).fill("Lovely water");
    // The comment shows at once (optimistic); A looks next, so wait for the server's answer.
    const saved = pageB.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/p/${postId}`,
    );
    await post.getByRole("button", { name: "Post", exact: true }).click();
    await expect(post.getByText("Lovely water")).toBeVisible();
    expect((await saved).ok()).toBe(true);
  });

  await test.step("A blocks B from B's comment; B's profile offers Unblock, not Follow", async () => {
    await openHydrated(pageA, `/p/${postId}`);
    await expect(pageA.getByText("Lovely water")).toBeVisible();
    await pageA.getByRole("button", { name: `Block ${b.username}` }).click();
    const confirm = pageA.getByRole("dialog", { name: `Block ${b.username}?` });
    await confirm.getByRole("button", { name: "Block", exact: true }).click();
    await expect(pageA.getByText("Lovely water")).toHaveCount(0);
    await openHydrated(pageA, `/${b.username}`);
    await expect(pageA.getByRole("heading", { name: `You blocked ${b.username}` })).toBeVisible();
    await expect(main(pageA).getByRole("button", { name: `Unblock ${b.username}` })).toBeVisible();
    await expect(main(pageA).getByRole("button", { name: "Follow", exact: true })).toHaveCount(0);
    await pageA.screenshot({ path: "test-results/privacy-blocker-view.png" });
  });

  await test.step("B, at 375 px: A's profile and post are not found, A is not in search", async () => {
    await openHydrated(pageB, `/p/${postId}`);
    await expect(pageB.getByRole("heading", { name: GONE })).toBeVisible();
    await openHydrated(pageB, `/${a.username}`);
    await expect(pageB.getByRole("heading", { name: GONE })).toBeVisible();
    const width = await pageB.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await pageB.screenshot({ path: "test-results/privacy-blocked-view-375.png" });
    expect((await pageB.request.get(`/${a.username}`)).status()).toBe(404);
    const search = await pageB.request.get(`/api/search?q=${a.username}`);
    expect(((await search.json()) as { users: unknown[] }).users).toEqual([]);
    // B no longer follows A: the block removed the follow.
    await openHydrated(pageB, "/");
    await expect(pageB.locator(`a[href="/p/${postId}"]`)).toHaveCount(0);
  });
});
