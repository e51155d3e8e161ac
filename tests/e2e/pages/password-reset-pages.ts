import { expect, type Page } from "@playwright/test";
import { openHydrated } from "../support/navigation";

export const RESET_SENT =
  "If an account exists for that email, we've sent a link to reset your password.";
export const RESET_LINK_INVALID = "This reset link is invalid, expired or already used.";

export class ForgotPasswordPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await openHydrated(this.page, "/forgot-password");
  }

  async request(email: string) {
    await this.page.getByLabel("Email", { exact: true }).fill(email);
    await this.page.getByRole("button", { name: "Send reset link" }).click();
    await expect(this.page.getByText(RESET_SENT)).toBeVisible();
  }
}

export class ResetPasswordPage {
  constructor(private readonly page: Page) {}

  async reset(password: string, confirm = password) {
    await this.page.getByLabel("New password", { exact: true }).fill(password);
    await this.page.getByLabel("Confirm new password", { exact: true }).fill(confirm);
    await this.page.getByRole("button", { name: "Reset password" }).click();
  }

  invalidLinkMessage() {
    return this.page.getByText(RESET_LINK_INVALID);
  }
}
