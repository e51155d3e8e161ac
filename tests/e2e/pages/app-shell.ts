import { expect, type Page } from "@playwright/test";
import { openHydrated } from "../support/navigation";

/** The signed-in shell: main navigation, home greeting, settings and sign-out buttons. */
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

  welcome(name: string) {
    return this.page.getByText(`Welcome, ${name}`);
  }

  async expectHome(name: string) {
    await expect(this.page).toHaveURL(/\/$/);
    await expect(this.welcome(name)).toBeVisible();
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
    await this.page.getByRole("button", { name: "Log out", exact: true }).click();
    await expect(this.page).toHaveURL(/\/login(\?|$)/);
  }

  async logOutOfAllDevices() {
    await this.gotoSettings();
    await this.page.getByRole("button", { name: "Log out of all devices" }).click();
    await expect(this.page).toHaveURL(/\/login(\?|$)/);
  }
}
