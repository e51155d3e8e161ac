import { expect, type Request, test } from "@playwright/test";
import { openHydrated } from "./support/navigation";

// Links prefetch their page on intent (a hover, a touch, a focus), not as they scroll into view:
// a profile grid or a feed holds dozens of links and a phone paid a request for each.

test("a page is prefetched when a link is hovered or focused, not for every link in view", async ({
  page,
}) => {
  const prefetches: string[] = [];
  page.on("request", (request: Request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(new URL(request.url()).pathname);
  });

  await openHydrated(page, "/ana");
  const postLinks = page.getByRole("main").locator('a[href^="/p/"]');
  expect(await postLinks.count()).toBeGreaterThan(2);
  // Idle with a screen full of links: nothing is fetched for them.
  await page.waitForTimeout(1500);
  expect(prefetches).toEqual([]);

  const first = (await postLinks.nth(0).getAttribute("href")) ?? "";
  await postLinks.nth(0).hover();
  await expect.poll(() => prefetches).toContain(first);

  const second = (await postLinks.nth(1).getAttribute("href")) ?? "";
  await postLinks.nth(1).focus();
  await expect.poll(() => prefetches).toContain(second);
  // Each page once, whatever the number of hovers (one prefetch may take Next two requests).
  const forFirst = () => prefetches.filter((p) => p === first).length;
  // Let the first prefetch's requests all go out before counting them.
  await page.waitForLoadState("networkidle");
  const before = forFirst();
  await page.mouse.move(0, 0);
  await postLinks.nth(0).hover();
  await page.waitForTimeout(500);
  expect(forFirst()).toBe(before);

  await postLinks.nth(0).click();
  await expect(page).toHaveURL(new RegExp(`${first}$`));
  await expect(page.getByRole("article")).toBeVisible();
});
