import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { CreatePostPage } from "./pages/create-post-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { signedUp } from "./support/sign-up";
import { newUser } from "./support/users";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`);
}

test("search people and tags by keyboard, recent searches, tag page, explore and suggestions", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const a = newUser();
  const b = newUser();
  const tag = `disc${Date.now().toString(36)}`;
  const pageA = await signedUp(browser, a);
  await test.step("A shares a photo with a new tag", async () => {
    const create = new CreatePostPage(pageA);
    await create.goto();
    await create.choose([await photoFile("dune.jpg", 1200, 1200, "#f59e0b")]);
    await create.next();
    await create.describe(`Dunes #${tag}`, ["Orange dunes"]);
    await create.share();
  });

  const page = await signedUp(browser, b);
  await page.setViewportSize({ width: 1280, height: 800 });
  const searchButton = page.getByRole("navigation", { name: "Main" }).getByRole("button", {
    name: "Search",
  });
  const box = page.getByRole("combobox", { name: "Search people and tags" });

  await test.step("the desktop search panel finds A by a prefix; Enter opens the profile", async () => {
    await openHydrated(page, "/explore");
    await expect(page.getByRole("heading", { name: "Popular right now" })).toBeVisible();
    expect(await seriousViolations(page), "axe on /explore").toEqual([]);
    await searchButton.click();
    await expect(box).toBeFocused();
    // A prefix that still includes the random part: other journeys' users share "e2e_<time>".
    await box.fill(a.username.slice(0, -2));
    await expect(page.getByRole("option", { name: new RegExp(a.username) })).toBeVisible();
    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/${a.username}$`));
    await expect(searchButton).toHaveAttribute("aria-expanded", "false");
  });

  await test.step("recent searches list A until cleared; Escape closes the panel", async () => {
    await searchButton.click();
    await expect(page.getByRole("listbox", { name: "Recent searches" })).toContainText(a.username);
    await page.getByRole("button", { name: "Clear all" }).click();
    await expect(page.getByText("No recent searches.")).toBeVisible();
    await box.press("Escape");
    await expect(searchButton).toHaveAttribute("aria-expanded", "false");
    await expect(searchButton).toBeFocused();
  });

  await test.step("on a phone, /explore is the search page; '#' finds the tag", async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await openHydrated(page, "/explore");
    await box.click();
    await box.fill(`#${tag.slice(0, -2)}`);
    await expect(page.getByRole("option", { name: new RegExp(`#${tag}`) })).toBeVisible();
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/explore/tags/${tag}$`));
    await expect(page.getByRole("heading", { name: `#${tag}`, level: 1 })).toBeVisible();
    await expect(page.getByText(/^1\s*post$/)).toBeVisible();
    await expect(page.getByAltText("Orange dunes")).toBeVisible();
  });

  await test.step("tag pages: canonical address, 404 for a malformed tag, empty for an unknown one", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openHydrated(page, `/explore/tags/${tag.toUpperCase()}`);
    await expect(page).toHaveURL(new RegExp(`/explore/tags/${tag}$`));
    expect(await seriousViolations(page), "axe on a tag page").toEqual([]);
    expect((await page.goto("/explore/tags/not%20a%20tag"))?.status()).toBe(404);
    await openHydrated(page, `/explore/tags/${tag}nobody`);
    await expect(page.getByText("No posts yet")).toBeVisible();
  });

  await test.step("a dismissed suggestion stays gone", async () => {
    await openHydrated(page, "/explore");
    const first = page.getByRole("button", { name: /^Dismiss / }).first();
    const label = (await first.getAttribute("aria-label")) ?? "";
    // The card goes at once (optimistic); the reload waits for the server's answer, or it would
    // cut the dismissal short (flaky under load).
    const saved = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined,
    );
    await first.click();
    await expect(page.getByRole("button", { name: label, exact: true })).toHaveCount(0);
    expect((await saved).ok()).toBe(true);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Suggested for you" })).toBeVisible();
    await expect(page.getByRole("button", { name: label, exact: true })).toHaveCount(0);
  });
});
