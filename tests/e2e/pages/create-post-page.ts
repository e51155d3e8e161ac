import { expect, type Page } from "@playwright/test";
import { openHydrated } from "../support/navigation";

type FileInput = { name: string; mimeType: string; buffer: Buffer };

/** The create flow: select photos -> crop -> details -> share. */
export class CreatePostPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await openHydrated(this.page, "/create");
    await expect(this.page.getByRole("heading", { name: "Create new post" })).toBeVisible();
  }

  async choose(files: FileInput[]) {
    await this.page.locator('input[type="file"]').setInputFiles(files);
    await expect(this.page.getByRole("heading", { name: "Crop" })).toBeVisible();
  }

  async next() {
    await this.page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(this.page.getByRole("heading", { name: "Details" })).toBeVisible();
  }

  async describe(caption: string, alts: string[]) {
    await this.page.getByLabel("Caption").fill(caption);
    for (const [i, alt] of alts.entries()) {
      await this.page.getByLabel(`Alt text for photo ${i + 1}`).fill(alt);
    }
  }

  /** Shares and waits for the new post's page; returns its id. */
  async share(): Promise<string> {
    await this.page.getByRole("button", { name: "Share" }).last().click();
    await expect(this.page).toHaveURL(/\/p\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    return this.page.url().split("/p/")[1] ?? "";
  }
}
