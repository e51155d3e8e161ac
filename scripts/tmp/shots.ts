import { launchBrowser, signIn } from "../bench/live-browser";
import { startLiveStack } from "../bench/live-stack";
const stack = await startLiveStack(process.cwd(), () => {});
try {
  const browser = await launchBrowser();
  const ana = await signIn(browser, stack.baseUrl, "ana");
  const ctx = ana.context();
  const shots: [string, string, number][] = [
    ["priya", "/priya.hikes", 375],
    ["settings", "/accounts/settings", 375],
    ["blocked", "/accounts/blocked", 768],
    ["home", "/", 375],
    ["notifications", "/notifications", 1280],
  ];
  for (const [name, path, width] of shots) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${stack.baseUrl}${path}`);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: false });
    await page.close();
  }
  // ben.k's profile menu opened
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${stack.baseUrl}/ben.k`);
  await page.getByRole("button", { name: /more|options|…/i }).first().click().catch(() => {});
  await page.waitForTimeout(800);
  await page.screenshot({ path: "/tmp/shot-menu.png" });
  await browser.close();
} finally {
  await stack.stop();
}
