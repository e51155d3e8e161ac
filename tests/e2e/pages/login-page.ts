import { expect, type Page } from "@playwright/test";
import { openHydrated } from "../support/navigation";

export const INVALID_LOGIN = "Incorrect username, email or password.";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(next?: string) {
    const query = next === undefined ? "" : `?next=${encodeURIComponent(next)}`;
    await openHydrated(this.page, `/login${query}`);
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.page).toHaveURL(/\/login(\?|$)/);
    await expect(this.page.getByRole("button", { name: "Log in" })).toBeVisible();
  }

  async fill(identifier: string, password: string) {
    await this.page.getByLabel("Email or username").fill(identifier);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
  }

  async login(identifier: string, password: string) {
    await this.fill(identifier, password);
    await this.page.getByRole("button", { name: "Log in" }).click();
  }

  /** Logs in and waits until the browser has left /login. */
  async loginAndLeave(identifier: string, password: string) {
    await this.login(identifier, password);
    await expect(this.page).not.toHaveURL(/\/login(\?|$)/);
  }

  invalidLoginMessage() {
    return this.page.getByText(INVALID_LOGIN);
  }

  async openForgotPassword() {
    await this.page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(this.page).toHaveURL(/\/forgot-password$/);
  }
}
