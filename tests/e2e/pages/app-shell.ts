import { expect, type Page } from "@playwright/test";
import { openHydrated } from "../support/navigation";

/** The signed-in shell: main navigation, the home page, settings and sign-out buttons. */
export class AppShell {
  constructor(private readonly page: Page) {}

  nav() {
    return this.page.getByRole("navigation", { name: "Main" });
  }

  homeLink() {
    return this.nav().getByRole("link", { name: "Home", exact: true });
  }

  settingsLink() {
    return this.nav().getByRole("link", { name: "Settings", exact: true });
  }

  /** The home page's heading: there with a feed and with an empty one (suggestions) alike. */
  homeHeading() {
    return this.page.getByRole("heading", { name: "Home", level: 1, exact: true });
  }

  /** The signed-in home page. `_name` is kept for callers; the page no longer greets by name. */
  async expectHome(_name?: string) {
    await expect(this.page).toHaveURL(/\/$/);
    await expect(this.nav()).toBeVisible();
    await expect(this.homeHeading()).toBeVisible();
  }

  async gotoSettings() {
    await openHydrated(this.page, "/accounts/settings");
    await this.expectSettings();
  }

  async expectSettings() {
    await expect(this.page).toHaveURL(/\/accounts\/settings$/);
    await expect(this.page.getByRole("heading", { name: "Settings" })).toBeVisible();
  }

  async logOut() {
    await this.gotoSettings();
    // Let the page's own start-up requests (realtime auth) finish first: a response to one of
    // them that lands after the sign-out can carry a refreshed session cookie (see issue note).
    await this.page.waitForLoadState("networkidle");
    await this.page.getByRole("button", { name: "Log out", exact: true }).click();
    await expect(this.page).toHaveURL(/\/login(\?|$)/);
  }

  async logOutOfAllDevices() {
    await this.gotoSettings();
    await this.page.getByRole("button", { name: "Log out of all devices" }).click();
    await expect(this.page).toHaveURL(/\/login(\?|$)/);
  }
}
