import { expect, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { LoginPage } from "./pages/login-page";
import { RegisterPage } from "./pages/register-page";
import { SESSION_COOKIE } from "./support/constants";
import { newUser } from "./support/users";

test("a signed-out visit to a private page goes to login and comes back after", async ({
  page,
}) => {
  const user = newUser();
  await new RegisterPage(page).register(user);
  // Leave the app first: its background requests could otherwise refresh the cookie just cleared.
  await page.goto("about:blank");
  await page.context().clearCookies();

  await page.goto("/accounts/settings");
  await expect(page).toHaveURL(/\/login\?next=%2Faccounts%2Fsettings$/);
  await new LoginPage(page).loginAndLeave(user.username, user.password);
  await new AppShell(page).expectSettings();
});

for (const next of ["https://evil.example", "//evil.example", "/\\evil.example"]) {
  test(`login?next=${next} stays on this site`, async ({ page }) => {
    const user = newUser();
    await new RegisterPage(page).register(user);
    // Leave the app first: its background requests could otherwise refresh the cookie just cleared.
    await page.goto("about:blank");
    await page.context().clearCookies();

    const login = new LoginPage(page);
    await login.goto(next);
    await login.loginAndLeave(user.email, user.password);
    await new AppShell(page).expectHome(user.name);
    expect(new URL(page.url()).origin).toBe(new URL(test.info().project.use.baseURL ?? "").origin);
  });
}

test("a tampered session cookie counts as signed out", async ({ page, context }) => {
  const user = newUser();
  await new RegisterPage(page).register(user);

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === SESSION_COOKIE);
  expect(session, `${SESSION_COOKIE} cookie after sign-up`).toBeTruthy();
  if (!session) return;
  // Flip one character in the middle of the encrypted token.
  const i = Math.floor(session.value.length / 2);
  const flipped = session.value[i] === "A" ? "B" : "A";
  const tampered = `${session.value.slice(0, i)}${flipped}${session.value.slice(i + 1)}`;
  await page.goto("about:blank");
  await context.clearCookies();
  await context.addCookies([{ ...session, value: tampered }]);

  await page.goto("/accounts/settings");
  await expect(page).toHaveURL(/\/login\?next=%2Faccounts%2Fsettings$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expect(page.getByText(`Welcome, ${user.name}`)).toHaveCount(0);
});

test("a username taken in another letter case shows a field error", async ({ page }) => {
  const first = newUser();
  await new RegisterPage(page).register(first);
  // Leave the app first: its background requests could otherwise refresh the cookie just cleared.
  await page.goto("about:blank");
  await page.context().clearCookies();

  const second = newUser({ username: first.username.toUpperCase() });
  const register = new RegisterPage(page);
  await register.goto();
  await register.fill(second);
  await register.submit();
  await expect(page.getByText("This username isn't available.")).toBeVisible();
  await expect(page).toHaveURL(/\/register$/);
});

test("HTML in the display name is shown as text", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  const user = newUser({ name: "<script>alert(1)</script>" });
  await new RegisterPage(page).register(user);
  await expect(page.getByText("Welcome, <script>alert(1)</script>")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Welcome, <script>alert(1)</script>")).toBeVisible();
  expect(dialogs).toBe(0);
});

test("log out of all devices signs out a second device", async ({ page, browser }) => {
  const user = newUser();
  await new RegisterPage(page).register(user);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await new LoginPage(otherPage).goto();
  await new LoginPage(otherPage).loginAndLeave(user.username, user.password);
  await new AppShell(otherPage).gotoSettings();

  await new AppShell(page).logOutOfAllDevices();
  await page.goto("/accounts/settings");
  await expect(page).toHaveURL(/\/login\?next=%2Faccounts%2Fsettings$/);

  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/login(\?|$)/);
  await other.close();
});

test("Settings lists the other device and logs it out alone", async ({ page, browser }) => {
  const user = newUser();
  await new RegisterPage(page).register(user);

  const iphone =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
  const other = await browser.newContext({ userAgent: iphone });
  const otherPage = await other.newPage();
  await new LoginPage(otherPage).goto();
  await new LoginPage(otherPage).loginAndLeave(user.username, user.password);

  await new AppShell(page).gotoSettings();
  await expect(page.getByText("This device", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Log out Safari on iPhone" }).click();
  await expect(page.getByText("Safari on iPhone", { exact: true })).toHaveCount(0);

  await otherPage.goto("/accounts/settings");
  await expect(otherPage).toHaveURL(/\/login\?next=%2Faccounts%2Fsettings$/);
  // This device is still signed in.
  await page.reload();
  await expect(page.getByText("This device", { exact: true })).toBeVisible();
  await other.close();
});
