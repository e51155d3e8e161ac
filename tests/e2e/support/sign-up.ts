import type { Browser, Page } from "@playwright/test";
import { RegisterPage } from "../pages/register-page";
import type { TestUser } from "./users";

/** A page in a browser context of its own, signed up (and so signed in) as `user`. */
export async function signedUp(browser: Browser, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new RegisterPage(page).register(user);
  return page;
}
