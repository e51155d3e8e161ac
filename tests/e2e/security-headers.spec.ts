import { expect, type Page, test } from "@playwright/test";
import { RegisterPage } from "./pages/register-page";
import { newUser } from "./support/users";

// Every page carries a Content-Security-Policy with a fresh nonce; Next.js puts that nonce on
// every script it renders, and the app runs (sign-up, feed, live updates) with no violation.

/** Console messages and page errors that report a CSP violation. */
function collectCspViolations(page: Page): string[] {
  const seen: string[] = [];
  const note = (text: string) => {
    if (/content security policy|content-security-policy/i.test(text)) seen.push(text);
  };
  page.on("console", (msg) => note(msg.text()));
  page.on("pageerror", (err) => note(err.message));
  return seen;
}

const nonceOf = (policy: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];

test("pages carry a nonce CSP and every script has the nonce", async ({ page }) => {
  const first = await page.goto("/login");
  const policy = first?.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("script-src 'self' 'nonce-");
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  const nonce = nonceOf(policy);
  expect(nonce).toBeTruthy();

  // Scripts expose their nonce only as a property (the attribute is emptied after load).
  const scripts = await page
    .locator("script")
    .evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);

  // A fresh nonce for every response.
  const second = await page.goto("/login");
  expect(nonceOf(second?.headers()["content-security-policy"] ?? "")).not.toBe(nonce);
});

test("signing up and reading the feed raise no CSP violation", async ({ page }) => {
  const violations = collectCspViolations(page);
  await new RegisterPage(page).register(newUser());
  await page.reload();
  await expect(page.getByRole("heading", { name: "Home", level: 1, exact: true })).toBeVisible();
  await page.goto("/explore");
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

test("production responses carry HSTS, nosniff and a strict referrer policy", async ({
  request,
}) => {
  const res = await request.get("/login");
  const headers = res.headers();
  expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("a server-action body over 1 MB is answered 413, not 500", async ({ request }) => {
  // Any action id: the size is refused before Next.js looks the action up.
  const res = await request.post("/login", {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: "x".repeat(1024 * 1024 + 1),
  });
  expect(res.status()).toBe(413);
  expect(await res.json()).toMatchObject({ ok: false, message: /too large/ });
});
