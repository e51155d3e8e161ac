import { expect, test } from "@playwright/test";
import { openHydrated } from "./support/navigation";
import { signedUp } from "./support/sign-up";
import { newUser } from "./support/users";

// A Save (or Like) clicked while another write of the page is still running must not wait behind
// it: Next.js runs a page's server actions one at a time and drops the queued ones when the page
// navigates, so a Save clicked right after posting a comment was lost if the reader moved on.

test("a Save clicked while a comment is still posting survives leaving the page", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const user = newUser();
  const page = await signedUp(browser, user);
  const posts = (await (await page.request.get("/api/users/ana/posts")).json()) as {
    items: { id: string }[];
  };
  const postId = posts.items[0]?.id;
  expect(postId, "the demo content has posts by ana").toBeTruthy();

  await openHydrated(page, `/p/${postId}`);
  // Server actions of this page (the comment) answer slowly, as on a poor phone connection.
  await page.route(`**/p/${postId}`, async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      await new Promise((resolve) => setTimeout(resolve, 2500));
    }
    await route.continue().catch(() => {});
  });

  const post = page.getByRole("article", { name: "Post by ana" });
  await post.getByRole("textbox", { name: "Add a comment" }).fill("Saving this one");
  await post.getByRole("button", { name: "Post", exact: true }).click();
  await post.getByRole("button", { name: "Save", exact: true }).click();
  await expect(post.getByRole("button", { name: "Remove from saved" })).toBeVisible();

  // The reader leaves at once (another address typed, the tab reloaded), the comment still on
  // its way.
  await page.goto("/explore");

  await expect
    .poll(async () => (await page.request.get(`/${user.username}?tab=saved`)).text(), {
      timeout: 15_000,
    })
    .toContain(`/p/${postId}`);
  await page.context().close();
});
