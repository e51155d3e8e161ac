import type { Page } from "@playwright/test";

/** Opens a URL and waits until React has hydrated it (see components/providers/hydration-marker). */
export async function openHydrated(page: Page, url: string) {
  const response = await page.goto(url);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  return response;
}
