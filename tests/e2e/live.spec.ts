import { expect, type Page, test } from "@playwright/test";
import { CreatePostPage } from "./pages/create-post-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { twoSignedUp } from "./support/sign-up";

async function sharePost(page: Page, alt: string) {
  const create = new CreatePostPage(page);
  await create.goto();
  await create.choose([await photoFile("live.jpg", 1200, 1200, "#db2777")]);
  await create.next();
  await create.describe("Live test", [alt]);
  return create.share();
}

const postOf = (page: Page, username: string) =>
  page.getByRole("article", { name: `Post by ${username}` });

test("B likes and comments on A's post while A has it open: A's page and badge update without reload", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { a, pageA, pageB } = await twoSignedUp(browser);
  const postId = await sharePost(pageA, "A pink square");

  await openHydrated(pageA, `/p/${postId}`);
  const onA = postOf(pageA, a.username);
  await expect(onA.getByText("Be the first to like this")).toBeVisible();
  // A reload would reset this marker: it proves the updates arrive live.
  await pageA.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });

  await openHydrated(pageB, `/p/${postId}`);
  const onB = postOf(pageB, a.username);
  await onB.getByRole("button", { name: "Like", exact: true }).click();
  await expect(onB.getByRole("button", { name: "Unlike" })).toBeVisible();
  await onB.getByRole("textbox", { name: "Add a comment" }).fill("Live from B");
  await onB.getByRole("button", { name: "Post", exact: true }).click();

  await expect(onA.getByRole("button", { name: "1 like" })).toBeVisible();
  await expect(onA.getByText("Live from B")).toBeVisible();
  await expect(onA.getByRole("button", { name: "Like", exact: true })).toBeVisible();
  await expect(
    pageA
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: /Notifications, 2 unread/ }),
  ).toBeVisible();
  expect(
    await pageA.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
  ).toBe(true);

  await test.step("B's unlike takes its notification back: A's badge goes down live", async () => {
    await onB.getByRole("button", { name: "Unlike" }).click();
    await expect(onB.getByRole("button", { name: "Like", exact: true })).toBeVisible();
    await expect(onA.getByRole("button", { name: "1 like" })).toHaveCount(0);
    await expect(
      pageA
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: /Notifications, 1 unread/ }),
    ).toBeVisible();
    await onB.getByRole("button", { name: "Like", exact: true }).click();
    await expect(
      pageA
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: /Notifications, 2 unread/ }),
    ).toBeVisible();
  });

  await test.step("opening notifications lists both and clears the badge", async () => {
    await openHydrated(pageA, "/notifications");
    await expect(pageA.getByText(/liked your (photo|post)/)).toBeVisible();
    await expect(pageA.getByText(/Live from B/)).toBeVisible();
    await expect(
      pageA
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Notifications", exact: true }),
    ).toBeVisible();
  });
});

test("with the realtime server unreachable, the page says live updates are paused and still catches up", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { a, pageA, pageB } = await twoSignedUp(browser);
  const postId = await sharePost(pageA, "A pink square");

  // A's browser cannot open any WebSocket: the realtime server is out of reach for it.
  await pageA.context().routeWebSocket(/.*/, (ws) => ws.close());
  await openHydrated(pageA, `/p/${postId}`);
  await expect(pageA.getByRole("status").getByText("Live updates paused")).toBeVisible({
    timeout: 20_000,
  });

  await openHydrated(pageB, `/p/${postId}`);
  await postOf(pageB, a.username).getByRole("button", { name: "Like", exact: true }).click();
  await expect(postOf(pageB, a.username).getByRole("button", { name: "Unlike" })).toBeVisible();

  // Coming back to the tab refreshes what is on screen.
  await pageA.evaluate(() => {
    document.dispatchEvent(new Event("visibilitychange"));
    window.dispatchEvent(new Event("focus"));
  });
  await expect(postOf(pageA, a.username).getByText(/Liked by|1 like/)).toBeVisible({
    timeout: 40_000,
  });
});
