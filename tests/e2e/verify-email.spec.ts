import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { OutboxPage } from "./pages/outbox-page";
import { RegisterPage } from "./pages/register-page";
import { openHydrated } from "./support/navigation";
import { newUser } from "./support/users";

// A new account is asked to verify its e-mail until it opens the mailed link; Settings changes
// the address only once the new one's link is opened. Screenshots go to /tmp for a look.

const VERIFY_SUBJECT = "Verify your Snapgram e-mail";
const CHANGE_SUBJECT = "Confirm your new Snapgram e-mail";

/** Serious axe findings on the page, or only inside `include` (a CSS selector). */
async function seriousViolations(page: Page, include?: string) {
  const axe = new AxeBuilder({ page });
  if (include) axe.include(include);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
}

const banner = (page: Page) => page.getByRole("region", { name: "E-mail verification" });

async function screenshotAt(page: Page, name: string, target = page.locator("body")) {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
    await target.screenshot({ path: `/tmp/verify-email-${name}-${width}.png` });
  }
}

test("register, see the banner, verify by the mailed link: the banner is gone; change the e-mail", async ({
  page,
}) => {
  const user = newUser();
  const shell = new AppShell(page);
  const outbox = new OutboxPage(page);

  await test.step("a new account sees the banner, which can resend the link", async () => {
    await new RegisterPage(page).register(user);
    await expect(banner(page)).toBeVisible();
    await expect(banner(page)).toContainText(user.email);
    await screenshotAt(page, "banner");
    expect(await seriousViolations(page), "axe with the banner").toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await banner(page).getByRole("button", { name: "Resend" }).click();
    await expect(banner(page)).toContainText(`A new link is on its way to ${user.email}.`);
  });

  await test.step("settings show the address as not verified, with the change form", async () => {
    await shell.gotoSettings();
    const section = page.getByRole("region", { name: "Change e-mail" });
    await expect(section).toContainText("Not verified");
    await screenshotAt(page, "settings", section);
    // The whole of Settings (every section: e-mail, two-factor, sessions, export, deletion...).
    expect(await seriousViolations(page), "axe on Settings").toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step("the newest link from the outbox verifies the address", async () => {
    const url = await outbox.openNewestLink(VERIFY_SUBJECT, user.email, "verify-email");
    await openHydrated(page, url);
    await screenshotAt(page, "page");
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await seriousViolations(page), "axe on /verify-email").toEqual([]);
    await page.getByRole("button", { name: "Verify my e-mail" }).click();
    await expect(page.getByRole("status")).toContainText("Your e-mail is verified");
    await page.getByRole("link", { name: "Continue to Snapgram" }).click();
    await shell.expectHome();
    await expect(banner(page)).toHaveCount(0);
  });

  await test.step("a used link says so", async () => {
    const url = await outbox.openNewestLink(VERIFY_SUBJECT, user.email, "verify-email");
    await openHydrated(page, url);
    await expect(page.getByText("This link is invalid, expired or already used.")).toBeVisible();
  });

  const newEmail = `new.${user.email}`;
  await test.step("change the e-mail: pending until the new address's link is opened", async () => {
    await shell.gotoSettings();
    const section = page.getByRole("region", { name: "Change e-mail" });
    await section.getByLabel("New e-mail").fill(newEmail);
    await section.getByLabel("Current password").fill("not my password");
    await section.getByRole("button", { name: "Change e-mail" }).click();
    await expect(section.getByText("That password isn't right.")).toBeVisible();
    await section.getByLabel("Current password").fill(user.password);
    await section.getByRole("button", { name: "Change e-mail" }).click();
    await expect(section).toContainText(`Pending: ${newEmail}`);
    await expect(section).toContainText(user.email);
    await screenshotAt(page, "settings-pending", section);
    await page.setViewportSize({ width: 1280, height: 800 });

    const url = await outbox.openNewestLink(CHANGE_SUBJECT, newEmail, "verify-email");
    await openHydrated(page, url);
    await page.getByRole("button", { name: "Verify my e-mail" }).click();
    await expect(page.getByRole("status")).toContainText(newEmail);
    await shell.gotoSettings();
    await expect(section).toContainText(newEmail);
    await expect(section).toContainText("Verified");
    await expect(section).not.toContainText("Pending");
  });
});
