import { expect, type Page } from "@playwright/test";

export const RESET_SUBJECT = "Reset your Snapgram password";

/** The dev mail outbox at /dev/outbox (served by the e2e server with DEV_OUTBOX_PAGE=true). */
export class OutboxPage {
  constructor(private readonly page: Page) {}

  /** Opens the newest reset mail sent to `email` and returns the reset URL it links to. */
  async openNewestResetMail(email: string): Promise<string> {
    const row = this.page
      .getByRole("link")
      .filter({ hasText: RESET_SUBJECT })
      .filter({ hasText: email })
      .first();
    // Mail is written by the server action; give the file a moment to appear.
    await expect(async () => {
      await this.page.goto("/dev/outbox");
      await expect(row).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await row.click();
    const resetLink = this.page.getByRole("link", { name: /reset-password\?token=/ }).first();
    const byHref = this.page.locator('a[href*="/reset-password?token="]').first();
    const link = (await resetLink.count()) > 0 ? resetLink : byHref;
    await expect(link).toBeVisible();
    const href = await link.getAttribute("href");
    expect(href, "reset link in the mail").toBeTruthy();
    return new URL(href ?? "", this.page.url()).toString();
  }

  /** Opens the newest mail with `subject` to `email` and returns the URL of its `path` link. */
  async openNewestLink(subject: string, email: string, path: string): Promise<string> {
    const row = this.page
      .getByRole("link")
      .filter({ hasText: subject })
      .filter({ hasText: email })
      .first();
    await expect(async () => {
      await this.page.goto("/dev/outbox");
      await expect(row).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await row.click();
    const link = this.page.locator(`a[href*="/${path}?token="]`).first();
    await expect(link).toBeVisible();
    const href = await link.getAttribute("href");
    expect(href, `${path} link in the mail`).toBeTruthy();
    return new URL(href ?? "", this.page.url()).toString();
  }
}
