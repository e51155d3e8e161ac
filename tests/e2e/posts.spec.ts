import { expect, test } from "@playwright/test";
import { CreatePostPage } from "./pages/create-post-page";
import { RegisterPage } from "./pages/register-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { newUser } from "./support/users";

test("share two photos, see them on the profile and the post page at 375 and 1280 px, edit the profile, delete the post", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const user = newUser();
  await new RegisterPage(page).register(user);
  const caption = "Sunset run #e2etest <b>not bold</b>";
  const create = new CreatePostPage(page);

  const postId = await test.step("pick two photos, caption, alt text, share", async () => {
    await create.goto();
    await create.choose([
      await photoFile("beach.jpg", 1600, 1200, "#0ea5e9"),
      await photoFile("forest.jpg", 1200, 1600, "#16a34a"),
    ]);
    await create.next();
    await create.describe(caption, ["A blue beach", "A green forest"]);
    return create.share();
  });

  await test.step("the post page shows both photos and the caption as text", async () => {
    // HTML in the caption is shown as typed, never rendered.
    await expect(page.getByText("<b>not bold</b>").filter({ visible: true }).first()).toBeVisible();
    await expect(
      page.getByRole("link", { name: "#e2etest" }).filter({ visible: true }),
    ).toHaveAttribute("href", "/explore/tags/e2etest");
    await expect(page.getByAltText("A blue beach")).toBeVisible();
    await page.getByRole("button", { name: "Next photo" }).click();
    await expect(page.getByAltText("A green forest")).toBeVisible();
  });

  for (const width of [375, 1280]) {
    await test.step(`profile grid and post page at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await openHydrated(page, `/${user.username}`);
      const thumb = page.locator(`a[href="/p/${postId}"]`);
      await expect(thumb).toBeVisible();
      await expect(page.getByText(/^1\s*post$/)).toBeVisible();
      await thumb.click();
      await expect(page).toHaveURL(new RegExp(`/p/${postId}$`));
      await expect(page.getByAltText("A blue beach")).toBeVisible();
      const box = await page.getByAltText("A blue beach").boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(width === 375 ? 300 : 400);
    });
  }

  await test.step("a signed-out visitor sees the public profile and post", async () => {
    const guest = await browser.newContext();
    const guestPage = await guest.newPage();
    await guestPage.goto(`/p/${postId}`);
    await expect(guestPage.getByAltText("A blue beach")).toBeVisible();
    await expect(guestPage.getByRole("banner").getByRole("link", { name: "Log in" })).toBeVisible();
    await guest.close();
  });

  await test.step("edit the profile: bio and website", async () => {
    await openHydrated(page, "/accounts/edit");
    await page.getByLabel("Bio").fill("Runner. <i>Not italic</i>");
    await page.getByLabel("Website").fill("example.com/me");
    await page.getByRole("button", { name: "Save" }).first().click();
    await page.goto(`/${user.username}`);
    await expect(page.getByText("Runner. <i>Not italic</i>")).toBeVisible();
    const site = page.getByRole("link", { name: /example\.com\/me/ });
    await expect(site).toHaveAttribute("href", "https://example.com/me");
    await expect(site).toHaveAttribute("rel", /nofollow/);
  });

  await test.step("delete the post", async () => {
    await openHydrated(page, `/p/${postId}`);
    await page.getByRole("button", { name: "Post options" }).click();
    await page
      .getByRole("dialog", { name: "Post options" })
      .getByRole("button", { name: "Delete" })
      .click();
    await page
      .getByRole("dialog", { name: "Delete post?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(page).toHaveURL(new RegExp(`/${user.username}$`));
    await expect(page.getByText("No posts yet")).toBeVisible();
    const gone = await page.goto(`/p/${postId}`);
    expect(gone?.status()).toBe(404);
  });
});
