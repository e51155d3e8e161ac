import { expect, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { LoginPage } from "./pages/login-page";
import { OutboxPage } from "./pages/outbox-page";
import { ForgotPasswordPage, ResetPasswordPage } from "./pages/password-reset-pages";
import { RegisterPage } from "./pages/register-page";
import { SESSION_COOKIE } from "./support/constants";
import { newUser } from "./support/users";

test("register, log out, log in, reset the password by mail; old sessions and password stop working", async ({
  page,
  browser,
}) => {
  const user = newUser();
  const newPassword = `${user.password}-new`;
  const shell = new AppShell(page);
  const login = new LoginPage(page);

  await test.step("register lands on home, signed in", async () => {
    await new RegisterPage(page).register(user);
    await shell.expectHome(user.name);
  });

  await test.step("log out: a copy of the session cookie stops working too", async () => {
    const copied = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(copied, `${SESSION_COOKIE} cookie after sign-up`).toBeTruthy();
    await shell.logOut();
    const thief = await browser.newContext();
    if (copied) await thief.addCookies([copied]);
    const thiefPage = await thief.newPage();
    await thiefPage.goto("/accounts/settings");
    await expect(thiefPage).toHaveURL(/\/login\?next=%2Faccounts%2Fsettings$/);
    await thief.close();
  });

  await test.step("log in with the username", async () => {
    await login.goto();
    await login.loginAndLeave(user.username, user.password);
    await shell.expectHome(user.name);
  });

  // A second device, signed in before the reset: the reset must end its session.
  const otherDevice = await browser.newContext();
  const otherPage = await otherDevice.newPage();
  await test.step("a second device signs in", async () => {
    await new LoginPage(otherPage).goto();
    await new LoginPage(otherPage).loginAndLeave(user.email, user.password);
    await new AppShell(otherPage).gotoSettings();
  });

  let resetUrl = "";
  await test.step("ask for a reset link and find it in the outbox", async () => {
    await shell.logOut();
    await login.goto();
    await login.openForgotPassword();
    await new ForgotPasswordPage(page).request(user.email);
    resetUrl = await new OutboxPage(page).openNewestResetMail(user.email);
    expect(resetUrl).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]+/);
  });

  await test.step("follow the link and set a new password: signed in on home", async () => {
    await page.goto(resetUrl);
    await new ResetPasswordPage(page).reset(newPassword);
    await shell.expectHome(user.name);
  });

  await test.step("the session from before the reset is gone", async () => {
    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/login(\?|$)/);
    await otherDevice.close();
  });

  await test.step("the old password fails with a generic error, the new one works", async () => {
    await shell.logOut();
    await login.goto();
    await login.login(user.username, user.password);
    await expect(login.invalidLoginMessage()).toBeVisible();
    await expect(page).toHaveURL(/\/login(\?|$)/);
    // The same message as for an account that does not exist: nothing about which part was wrong.
    await login.goto();
    await login.login(`${user.username}_nobody`, user.password);
    await expect(login.invalidLoginMessage()).toBeVisible();

    await login.goto();
    await login.loginAndLeave(user.username, newPassword);
    await shell.expectHome(user.name);
  });

  await test.step("the used reset link is now invalid", async () => {
    await page.goto(resetUrl);
    const reset = new ResetPasswordPage(page);
    // The page may say so at once, or only after a submit.
    if (!(await reset.invalidLinkMessage().isVisible())) {
      await reset.reset(`${newPassword}-again`);
    }
    await expect(reset.invalidLinkMessage()).toBeVisible();
  });
});
