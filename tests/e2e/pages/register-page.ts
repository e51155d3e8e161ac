import { expect, type Page } from "@playwright/test";
import { openHydrated } from "../support/navigation";
import type { TestUser } from "../support/users";

export class RegisterPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await openHydrated(this.page, "/register");
    await expect(this.page.getByRole("button", { name: "Sign up" })).toBeVisible();
  }

  async fill(user: TestUser) {
    await this.page.getByLabel("Email", { exact: true }).fill(user.email);
    await this.page.getByLabel("Username", { exact: true }).fill(user.username);
    await this.page.getByLabel("Name", { exact: true }).fill(user.name);
    await this.page.getByLabel("Password", { exact: true }).fill(user.password);
  }

  async submit() {
    await this.page.getByRole("button", { name: "Sign up" }).click();
  }

  /** Registers and waits until the signed-in home page shows. */
  async register(user: TestUser) {
    await this.goto();
    await this.fill(user);
    await this.submit();
    await expect(this.page).toHaveURL(/\/$/);
    await expect(
      this.page.getByRole("heading", { name: "Home", level: 1, exact: true }),
    ).toBeVisible();
  }
}
