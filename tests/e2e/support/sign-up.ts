import type { Browser, Page } from "@playwright/test";
import { RegisterPage } from "../pages/register-page";
import { newUser, type TestUser } from "./users";

/** A page in a browser context of its own, signed up (and so signed in) as `user`. */
export async function signedUp(browser: Browser, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new RegisterPage(page).register(user);
  return page;
}

/** Two fresh people, A and B, each signed up in a browser context of their own. */
export async function twoSignedUp(browser: Browser) {
  const a = newUser();
  const b = newUser();
  const pageA = await signedUp(browser, a);
  const pageB = await signedUp(browser, b);
  return { a, b, pageA, pageB };
}
