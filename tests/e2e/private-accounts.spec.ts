import { expect, type Page, test } from "@playwright/test";
import { CreatePostPage } from "./pages/create-post-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { twoSignedUp } from "./support/sign-up";

const main = (page: Page) => page.getByRole("main");
const notificationsLink = (page: Page, unread: number) =>
  page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: new RegExp(`Notifications, ${unread} unread`) });

/** Resolves once the page's socket has joined its user's private channel. */
function userChannelJoined(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on("websocket", (socket) => {
      socket.on("framereceived", ({ payload }) => {
        const text = typeof payload === "string" ? payload : payload.toString("utf8");
        if (text.includes("subscription_succeeded") && text.includes("private-user-")) resolve();
      });
    });
  });
}

test("A goes private; B (on a phone) sees the locked profile, asks; A approves live; B sees the photos", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { a, b, pageA, pageB } = await twoSignedUp(browser);
  await pageB.setViewportSize({ width: 375, height: 812 });

  const postId = await test.step("A shares a photo and turns on Private account", async () => {
    const create = new CreatePostPage(pageA);
    await create.goto();
    await create.choose([await photoFile("secret.jpg", 1200, 1200, "#0f766e")]);
    await create.next();
    await create.describe("Only for friends", ["A teal square"]);
    const id = await create.share();
    await openHydrated(pageA, "/accounts/settings");
    const toggle = pageA.getByRole("switch", { name: "Private account" });
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await toggle.click();
    await expect(
      pageA.getByRole("region", { name: "Account privacy" }).getByRole("status"),
    ).toHaveText("Your account is private.");
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    return id;
  });

  await test.step("B sees the header and counts, a lock, and no photos at 375 px", async () => {
    await openHydrated(pageB, `/${a.username}`);
    await expect(main(pageB).getByRole("img", { name: "Private account" })).toBeVisible();
    await expect(main(pageB).getByText("1 post", { exact: true })).toBeVisible();
    await expect(
      main(pageB).getByRole("heading", { name: "This account is private" }),
    ).toBeVisible();
    await expect(pageB.locator(`a[href="/p/${postId}"]`)).toHaveCount(0);
    // Nothing wider than the phone's screen.
    const width = await pageB.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    // Neither the server's HTML nor the post's own page shows the photo.
    expect(await (await pageB.request.get(`/${a.username}`)).text()).not.toContain(`/p/${postId}`);
    expect((await pageB.request.get(`/p/${postId}`)).status()).toBe(404);
    expect((await pageB.request.get(`/api/users/${a.username}/posts`)).status()).toBe(403);
  });

  await test.step("B asks to follow: the button reads Requested; A's badge counts it live", async () => {
    // A's page has joined A's private channel before B asks (an event before that is not live).
    const joined = userChannelJoined(pageA);
    await openHydrated(pageA, "/");
    await joined;
    await pageA.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });
    await main(pageB).getByRole("button", { name: "Follow", exact: true }).click();
    await expect(main(pageB).getByRole("button", { name: "Requested", exact: true })).toBeVisible();
    await expect(notificationsLink(pageA, 1)).toBeVisible();
    expect(
      await pageA.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
    ).toBe(true);
  });

  await test.step("A opens Follow requests from Notifications and confirms B", async () => {
    await openHydrated(pageA, "/notifications");
    await expect(main(pageA).getByText(`${b.username}`, { exact: false }).first()).toBeVisible();
    await main(pageA)
      .getByRole("link", { name: /Follow requests/ })
      .click();
    await expect(pageA.getByRole("heading", { name: "Follow requests" })).toBeVisible();
    await pageA.getByRole("button", { name: `Confirm ${b.username}` }).click();
    await expect(pageA.getByText("No follow requests")).toBeVisible();
  });

  await test.step("B now sees A's photos and follows A", async () => {
    await openHydrated(pageB, `/${a.username}`);
    await expect(main(pageB).getByRole("button", { name: "Following", exact: true })).toBeVisible();
    await expect(pageB.locator(`a[href="/p/${postId}"]`)).toBeVisible();
    await openHydrated(pageB, `/p/${postId}`);
    await expect(pageB.getByAltText("A teal square")).toBeVisible();
  });
});
