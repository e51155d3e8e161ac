import { expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { openHydrated } from "../support/navigation";

/** What the person's authenticator app shows for this key, `offsetSteps` 30-second steps on. */
export function authenticatorCode(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** Settings → Security → two-factor authentication. */
export class TwoFactorSettingsPage {
  constructor(private readonly page: Page) {}

  async openFromSettings() {
    await openHydrated(this.page, "/accounts/settings");
    const security = this.page.getByRole("region", { name: "Security" });
    await expect(security).toContainText("Two-factor authentication: off");
    await security.getByRole("link", { name: "Set up" }).click();
    await expect(this.page).toHaveURL(/\/accounts\/two-factor$/);
    await expect(
      this.page.getByRole("heading", { name: "Two-factor authentication" }),
    ).toBeVisible();
  }

  async openManage() {
    await openHydrated(this.page, "/accounts/two-factor");
  }

  /** Starts the setup; answers the key shown as text (without its spaces). */
  async start(): Promise<string> {
    await this.page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await expect(this.page.getByRole("img", { name: /QR code/ })).toBeVisible();
    const key = (await this.page.getByTestId("totp-secret").textContent()) ?? "";
    return key.replace(/\s/g, "");
  }

  async confirm(code: string) {
    await this.page.getByLabel("6-digit code from the app").fill(code);
    await this.page.getByRole("button", { name: "Turn on" }).click();
  }

  /** The recovery codes shown once after turning on (`beforeSaving` runs while they show). */
  async keepRecoveryCodes(beforeSaving?: () => Promise<void>): Promise<string[]> {
    const list = this.page.getByTestId("recovery-codes");
    await expect(list.getByRole("listitem")).toHaveCount(10);
    const codes = await list.getByRole("listitem").allTextContents();
    await beforeSaving?.();
    await this.page.getByRole("button", { name: "I've saved my codes" }).click();
    return codes;
  }

  async expectOn(codesLeft: number) {
    await expect(this.page.getByText("Two-factor authentication is on.")).toBeVisible();
    await expect(this.page.getByTestId("recovery-codes-left")).toHaveText(String(codesLeft));
  }
}

/** The login page's second step. */
export class CodeStep {
  constructor(private readonly page: Page) {}

  async expectShown() {
    await expect(
      this.page.getByRole("heading", { name: "Two-factor authentication" }),
    ).toBeVisible();
    await expect(this.page.getByLabel("Security code")).toBeFocused();
  }

  async submit(code: string) {
    await this.page.getByLabel("Security code").fill(code);
    await this.page.getByRole("button", { name: "Confirm" }).click();
  }
}
