import { expect, test } from "@playwright/test";
import { CreatePostPage } from "./pages/create-post-page";
import { LoginPage } from "./pages/login-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { twoSignedUp } from "./support/sign-up";

// The demo moderator `npm run setup` creates on the e2e server.
const MODERATOR = { username: "mod", password: "snapgram-demo" };

test("B reports A's post; a moderator removes it from the queue; the log says so", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { a, pageA, pageB } = await twoSignedUp(browser);

  const create = new CreatePostPage(pageA);
  await create.goto();
  await create.choose([await photoFile("report.jpg", 1000, 1000, "#16a34a")]);
  await create.next();
  await create.describe("Report me", ["A green square"]);
  const postId = await create.share();

  await test.step("B reports it, and a plain user cannot open the queue", async () => {
    await openHydrated(pageA, `/p/${postId}`);
    await pageA.getByRole("textbox", { name: "Add a comment" }).fill("Buy followers here");
    await pageA.getByRole("button", { name: "Post", exact: true }).click();
    await expect(pageA.getByText("Buy followers here")).toBeVisible();
    // The author reports nothing of their own.
    await expect(pageA.getByRole("button", { name: /^Report this/ })).toHaveCount(0);

    await openHydrated(pageB, `/p/${postId}`);
    // Others can report the comment too.
    await expect(pageB.getByRole("button", { name: "Report this comment" })).toBeVisible();
    await pageB.getByRole("button", { name: "Report this post" }).click();
    const dialog = pageB.getByRole("dialog", { name: "Report" });
    await expect(dialog.getByRole("button", { name: "Submit report" })).toBeDisabled();
    await dialog.getByRole("radio", { name: "It's spam" }).check();
    await dialog.getByLabel(/Anything else/).fill("Selling followers");
    await dialog.getByRole("button", { name: "Submit report" }).click();
    await expect(pageB.getByRole("dialog", { name: "Thanks for letting us know" })).toBeVisible();

    const denied = await pageB.goto("/admin/reports");
    expect(denied?.status()).toBe(404);
    // Not even inside the 404 answer: the queue's page is never rendered for a non-moderator.
    expect(await denied?.text()).not.toContain("Selling followers");
  });

  await test.step("the moderator removes it; it is gone for everyone", async () => {
    const page = await (await browser.newContext()).newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.loginAndLeave(MODERATOR.username, MODERATOR.password);
    await openHydrated(page, "/admin/reports");
    const card = page.getByRole("article", { name: `Post by @${a.username}` });
    await expect(card).toContainText("It's spam");
    await expect(card).toContainText("Selling followers");
    await card.getByLabel("Note for the log (optional)").fill("follower selling");
    await card.getByRole("button", { name: "Remove post" }).click();
    await expect(card).toHaveCount(0);

    const gone = await pageB.goto(`/p/${postId}`);
    expect(gone?.status()).toBe(404);

    await openHydrated(page, "/admin/log");
    await expect(page.getByText("removed a post (1 report)").first()).toBeVisible();
    await expect(page.getByText("“follower selling”")).toBeVisible();
  });
});
