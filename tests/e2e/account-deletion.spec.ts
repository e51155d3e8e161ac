import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { CreatePostPage } from "./pages/create-post-page";
import { LoginPage } from "./pages/login-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { twoSignedUp } from "./support/sign-up";

// #16 Settings -> Delete account on a phone: A, with a post, deletes the account (after a wrong
// password is refused); B then finds neither A's profile nor the post; A logs in again and is
// welcomed back with everything restored.

const GONE = "Sorry, this page isn't available.";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`);
}

test("delete an account at 375 px, hidden from others, restored by logging in", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { a, pageA, pageB } = await twoSignedUp(browser);
  await pageA.setViewportSize({ width: 375, height: 812 });

  const postId = await test.step("A shares a photo", async () => {
    const create = new CreatePostPage(pageA);
    await create.goto();
    await create.choose([await photoFile("dune.jpg", 1200, 1200, "#ca8a04")]);
    await create.next();
    await create.describe("Golden dune", ["A golden square"]);
    return create.share();
  });

  await test.step("A opens Settings -> Delete account; a wrong password is refused", async () => {
    await openHydrated(pageA, "/accounts/settings");
    await pageA.getByRole("link", { name: "Delete account" }).click();
    await expect(pageA.getByRole("heading", { name: "Delete account", level: 1 })).toBeVisible();
    await expect(pageA.getByText(/Log in again within 30 days/)).toBeVisible();
    expect(await seriousViolations(pageA), "axe on /accounts/delete").toEqual([]);
    await pageA.screenshot({ path: "/tmp/deletion-375.png", fullPage: true });
    await pageA.setViewportSize({ width: 1280, height: 800 });
    await pageA.screenshot({ path: "/tmp/deletion-1280.png", fullPage: true });
    await pageA.setViewportSize({ width: 375, height: 812 });
    await pageA.getByLabel("Your password").fill("not my password");
    await pageA.getByRole("button", { name: "Delete my account" }).click();
    await expect(pageA.getByText("That password isn't right.")).toBeVisible();
  });

  await test.step("A deletes the account with the right password and is signed out", async () => {
    await pageA.getByLabel("Your password").fill(a.password);
    await pageA.getByRole("button", { name: "Delete my account" }).click();
    await expect(pageA).toHaveURL(/\/login\?deleted=1$/);
    await expect(pageA.getByText(/Your account is deleted/)).toBeVisible();
  });

  await test.step("B finds neither A's profile nor the post", async () => {
    expect((await pageB.request.get(`/${a.username}`)).status()).toBe(404);
    expect((await pageB.request.get(`/p/${postId}`)).status()).toBe(404);
    await openHydrated(pageB, `/${a.username}`);
    await expect(pageB.getByText(GONE)).toBeVisible();
  });

  await test.step("A logs in again: welcomed back, the profile is there again", async () => {
    const login = new LoginPage(pageA);
    await login.loginAndLeave(a.username, a.password);
    await expect(pageA.getByText("Welcome back, your account is restored.")).toBeVisible();
    expect((await pageB.request.get(`/${a.username}`)).status()).toBe(200);
    await openHydrated(pageB, `/p/${postId}`);
    await expect(pageB.getByAltText("A golden square")).toBeVisible();
  });
});
