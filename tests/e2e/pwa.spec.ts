import { expect, test } from "@playwright/test";
import { RegisterPage } from "./pages/register-page";
import { openHydrated } from "./support/navigation";
import { newUser } from "./support/users";

test("the manifest makes the app installable: standalone, start URL, PNG icons that load", async ({
  request,
}) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: "Snapgram",
    short_name: "Snapgram",
    start_url: "/",
    scope: "/",
    display: "standalone",
  });
  const icons: { src: string; sizes: string; type: string; purpose?: string }[] = manifest.icons;
  for (const size of ["192x192", "512x512"]) {
    expect(icons.some((i) => i.sizes === size && i.type === "image/png")).toBe(true);
  }
  expect(icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of icons) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()["content-type"]).toBe(icon.type);
  }
  const touchIcon = await request.get("/apple-icon.png");
  expect(touchIcon.status()).toBe(200);
});

test("the service worker takes over and shows the offline page when the network is gone", async ({
  page,
  context,
}) => {
  await openHydrated(page, "/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
    "href",
    "/manifest.webmanifest",
  );
  const scriptUrl = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.scriptURL ?? "";
  });
  expect(new URL(scriptUrl).pathname).toBe("/sw.js");
  // The worker answers this page's navigations from now on.
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);

  await context.setOffline(true);
  await page.goto("/explore").catch(() => {});
  await expect(page.getByRole("heading", { name: "You're offline" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();

  // Still offline, "Try again" comes back to the same page, not the browser's error.
  await Promise.all([
    page.waitForEvent("load"),
    page.getByRole("button", { name: "Try again" }).click(),
  ]);
  await expect(page.getByRole("heading", { name: "You're offline" })).toBeVisible();
  // Back online, the page that was asked for loads by itself.
  await context.setOffline(false);
  await expect(page).toHaveURL(/\/login\?next=%2Fexplore$/, { timeout: 15_000 });
  await expect(page.getByRole("heading", { name: "You're offline" })).toHaveCount(0);
});

test("Settings offers to install the app when the browser allows it", async ({ page }) => {
  const user = newUser();
  await new RegisterPage(page).register(user);
  await openHydrated(page, "/accounts/settings");
  const app = page.getByRole("region", { name: "App" });
  // Headless Chromium makes no install offer of its own: the browser menu is the way...
  await expect(app).toContainText("in your browser's menu");
  await expect(app.getByRole("button", { name: "Install app" })).toHaveCount(0);

  // ...until it offers one (the event Chromium sends when the app can be installed).
  await page.evaluate(() => {
    const offer = Object.assign(new Event("beforeinstallprompt", { cancelable: true }), {
      prompt: () => {
        (window as unknown as { prompted: boolean }).prompted = true;
        return Promise.resolve();
      },
      userChoice: Promise.resolve({ outcome: "accepted" }),
    });
    window.dispatchEvent(offer);
  });
  await app.getByRole("button", { name: "Install app" }).click();
  expect(await page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted)).toBe(
    true,
  );
  await page.evaluate(() => window.dispatchEvent(new Event("appinstalled")));
  await expect(app).toContainText("Snapgram is installed on this device.");
});
