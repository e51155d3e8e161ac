import { expect, test } from "@playwright/test";
import { signedUp } from "./support/sign-up";
import { newUser } from "./support/users";

// Pages may enter the back/forward cache (no `no-store`), but no cache may reuse them without
// asking the server and none but the browser may keep them. /api/viewer tells a page shown again
// by Back or Forward whether the session is still the one it was rendered for.

function expectRevalidatedPrivate(headers: Record<string, string>) {
  const cacheControl = headers["cache-control"] ?? "";
  expect(cacheControl).toContain("private");
  expect(cacheControl).toContain("no-cache");
  expect(cacheControl).not.toContain("no-store");
}

test("pages are private and revalidated, never no-store; /api/viewer names the session", async ({
  browser,
  request,
}) => {
  const signedOut = await request.get("/ana");
  expect(signedOut.status()).toBe(200);
  expectRevalidatedPrivate(signedOut.headers());
  const anonymous = await request.get("/api/viewer");
  expect(await anonymous.json()).toEqual({ id: null });

  const user = newUser();
  const page = await signedUp(browser, user);
  const home = await page.request.get("/");
  expect(home.status()).toBe(200);
  expectRevalidatedPrivate(home.headers());
  const viewer = await page.request.get("/api/viewer");
  expect(viewer.headers()["cache-control"]).toBe("no-store");
  const { id } = (await viewer.json()) as { id: string | null };
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  await page.context().close();
});

test("photos from the local storage are cached for an hour and carry no page policy or cookie", async ({
  browser,
}) => {
  const user = newUser();
  const page = await signedUp(browser, user);
  const profile = await page.request.get("/ana");
  const photo = (await profile.text()).match(/\/media\/posts\/[^"\s]+\.webp/)?.[0];
  expect(photo).toBeDefined();
  // Signed in: the session cookie goes with the request, as it does from a feed.
  const res = await page.request.get(photo ?? "");
  expect(res.status()).toBe(200);
  const headers = res.headers();
  expect(headers["content-type"]).toBe("image/webp");
  expect(headers["cache-control"]).toBe("public, max-age=3600");
  expect(headers["content-security-policy"]).toBeUndefined();
  expect(headers["set-cookie"]).toBeUndefined();
  await page.context().close();
});
