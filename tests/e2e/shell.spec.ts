import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { RegisterPage } from "./pages/register-page";
import { newUser } from "./support/users";

const layouts = [
  { name: "bottom tab bar", width: 375, height: 812 },
  { name: "icon rail", width: 768, height: 1024 },
  { name: "labelled sidebar", width: 1280, height: 800 },
] as const;

/** True when the link shows its label as readable text (not only an aria-label or sr-only text). */
async function labelIsShown(link: Locator, label: string): Promise<boolean> {
  const text = link.getByText(label, { exact: true });
  if ((await text.count()) === 0) return false;
  if (!(await text.first().isVisible())) return false;
  const box = await text.first().boundingBox();
  return box !== null && box.width > 4 && box.height > 4;
}

/** Presses Tab from the top of the page until `target` has the focus. */
async function tabTo(page: Page, target: Locator) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error("could not reach the link with the Tab key");
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
}

for (const layout of layouts) {
  test(`at ${layout.width}px the nav is a ${layout.name} and works by keyboard`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: layout.width, height: layout.height });
    const user = newUser();
    await new RegisterPage(page).register(user);
    const shell = new AppShell(page);
    const nav = shell.nav();
    await expect(nav).toBeVisible();
    await expect(shell.homeLink()).toBeVisible();
    await expect(shell.settingsLink()).toBeVisible();

    const box = await nav.boundingBox();
    expect(box, "nav bounding box").not.toBeNull();
    if (!box) return;
    if (layout.width === 375) {
      // Pinned to the bottom edge, across the full width, and short.
      expect(Math.abs(box.y + box.height - layout.height)).toBeLessThanOrEqual(2);
      expect(box.width).toBeGreaterThanOrEqual(layout.width - 2);
      expect(box.height).toBeLessThan(120);
      // Six tabs in one row, each centred in its sixth of the bar (a seventh would wrap).
      const tabs = await nav.getByRole("link").filter({ visible: true }).all();
      expect(tabs).toHaveLength(6);
      for (const [i, tab] of tabs.entries()) {
        const t = await tab.boundingBox();
        expect(t, `tab ${i} box`).not.toBeNull();
        if (!t) return;
        expect(Math.abs(t.y - (box.y + 1))).toBeLessThanOrEqual(2);
        expect(Math.abs(t.x + t.width / 2 - ((2 * i + 1) * box.width) / 12)).toBeLessThanOrEqual(2);
      }
    } else {
      // A column at the left edge, running down the viewport.
      expect(box.x).toBeLessThanOrEqual(2);
      expect(box.height).toBeGreaterThan(layout.height / 2);
      if (layout.width === 768) expect(box.width).toBeLessThanOrEqual(120);
      else expect(box.width).toBeGreaterThan(120);
    }
    const labelsShown = layout.width >= 1280;
    expect(await labelIsShown(shell.homeLink(), "Home")).toBe(labelsShown);
    expect(await labelIsShown(shell.settingsLink(), "Settings")).toBe(labelsShown);

    await page.screenshot({ path: `test-results/shell-${layout.width}.png`, fullPage: true });

    await tabTo(page, shell.settingsLink());
    await page.keyboard.press("Enter");
    await shell.expectSettings();
    await tabTo(page, shell.homeLink());
    await page.keyboard.press("Enter");
    await shell.expectHome(user.name);
  });
}

test("login and home have no serious or critical axe violations", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Log in" })).toBeVisible();
  expect(await seriousViolations(page), "axe on /login").toEqual([]);
  await page.screenshot({ path: "test-results/login.png", fullPage: true });

  const user = newUser();
  await new RegisterPage(page).register(user);
  expect(await seriousViolations(page), "axe on home").toEqual([]);
  await page.screenshot({ path: "test-results/home.png", fullPage: true });
});
