import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { LoginPage } from "./pages/login-page";
import { OutboxPage } from "./pages/outbox-page";
import { RegisterPage } from "./pages/register-page";
import { authenticatorCode, CodeStep, TwoFactorSettingsPage } from "./pages/two-factor-pages";
import { openHydrated } from "./support/navigation";
import { newUser } from "./support/users";

/** Screenshots for review at a phone's and a desktop's width (kept under /tmp). */
async function shoot(page: Page, name: string) {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/twofa-${name}-${width}.png`, fullPage: true });
  }
}

async function expectNoSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) =>
    ["serious", "critical"].includes(v.impact ?? ""),
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("verify the e-mail, turn on two-factor, sign in with password then code, then with a recovery code", async ({
  page,
}) => {
  const user = newUser();
  const shell = new AppShell(page);
  const login = new LoginPage(page);
  const settings = new TwoFactorSettingsPage(page);
  const codeStep = new CodeStep(page);
  let recoveryCodes: string[] = [];
  let key = "";

  await test.step("a new account verifies its e-mail from the mailed link", async () => {
    await new RegisterPage(page).register(user);
    await shell.expectHome(user.name);
    const banner = page.getByRole("region", { name: "E-mail verification" });
    await expect(banner).toBeVisible();
    const url = await new OutboxPage(page).openNewestLink(
      "Verify your Snapgram e-mail",
      user.email,
      "verify-email",
    );
    await openHydrated(page, url);
    await page.getByRole("button", { name: "Verify my e-mail" }).click();
    await expect(page.getByRole("status")).toContainText("Your e-mail is verified");
    await page.getByRole("link", { name: "Continue to Snapgram" }).click();
    await shell.expectHome(user.name);
    await expect(banner).toHaveCount(0);
  });

  await test.step("it turns two-factor on with the key shown as text", async () => {
    await settings.openFromSettings();
    key = await settings.start();
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoSeriousA11yIssues(page);
    await shoot(page, "enrolment");
    // A wrong first code leaves it off.
    await settings.confirm(authenticatorCode(key, 5));
    await expect(page.getByText("That code didn't work.")).toBeVisible();
    await settings.confirm(authenticatorCode(key));
    recoveryCodes = await settings.keepRecoveryCodes(() => shoot(page, "recovery-codes"));
    await settings.expectOn(10);
  });

  await test.step("log out; log in asks for the code after the password", async () => {
    await shell.logOut();
    await login.goto();
    await login.login(user.username, user.password);
    await codeStep.expectShown();
    await expectNoSeriousA11yIssues(page);
    await shoot(page, "code-step");
    // The code that turned it on is spent: the app's next one (one step ahead is accepted).
    await codeStep.submit(authenticatorCode(key, 1));
    await shell.expectHome(user.name);
  });

  await test.step("log out; a recovery code replaces the code, once", async () => {
    await shell.logOut();
    await login.goto();
    await login.login(user.email, user.password);
    await codeStep.expectShown();
    await codeStep.submit(recoveryCodes[0] ?? "");
    await shell.expectHome(user.name);
    await settings.openManage();
    await settings.expectOn(9);
  });
});
