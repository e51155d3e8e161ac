import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { CreatePostPage } from "./pages/create-post-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { twoSignedUp } from "./support/sign-up";

// Replies, hearts on comments and pins (issue #17), by two people in two browsers: B replies to
// A's comment and hearts it while A has the post open (A sees both live), then A pins a comment.

async function sharePost(page: Page) {
  const create = new CreatePostPage(page);
  await create.goto();
  await create.choose([await photoFile("replies.jpg", 1200, 1200, "#0ea5e9")]);
  await create.next();
  await create.describe("Morning swim", ["A blue square"]);
  return create.share();
}

const postOf = (page: Page, username: string) =>
  page.getByRole("article", { name: `Post by ${username}` });

async function comment(page: Page, owner: string, text: string) {
  const post = postOf(page, owner);
  await post.getByRole("textbox", { name: "Add a comment" }).fill(text);
  const answered = page.waitForResponse(
    (r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined,
  );
  await post.getByRole("button", { name: "Post", exact: true }).click();
  await answered;
}

const commentRow = (page: Page, text: string) =>
  page.locator("li[data-comment-id]").filter({ hasText: text }).first();

test("B replies to and hearts A's comment live on A's page; A pins a comment", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { a, b, pageA, pageB } = await twoSignedUp(browser);
  const postId = await sharePost(pageA);
  await openHydrated(pageA, `/p/${postId}`);
  await comment(pageA, a.username, "Water was perfect today");
  await pageA.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });

  await openHydrated(pageB, `/p/${postId}`);
  const onB = postOf(pageB, a.username);
  const aCommentOnB = commentRow(pageB, "Water was perfect today");
  await expect(aCommentOnB).toBeVisible();

  await test.step("B replies: the box says whom, and A sees the reply live", async () => {
    await aCommentOnB.getByRole("button", { name: `Reply to ${a.username}` }).click();
    const box = onB.getByRole("textbox", { name: "Add a comment" });
    await expect(box).toHaveValue(`@${a.username} `);
    await expect(onB.getByText(`Replying to @${a.username}`)).toBeVisible();
    await pageB.screenshot({ path: "/tmp/replies-replying-1280.png" });
    await box.pressSequentially("so jealous!");
    await onB.getByRole("button", { name: "Post", exact: true }).click();
    await expect(onB.getByText(`Replying to @${a.username}`)).toHaveCount(0);
    // B's own thread opens on the reply.
    await expect(onB.getByRole("list", { name: `Replies to ${a.username}` })).toContainText(
      "so jealous!",
    );

    const aComment = commentRow(pageA, "Water was perfect today");
    const view = aComment.getByRole("button", { name: "View replies (1)" });
    await expect(view).toBeVisible();
    await view.click();
    await expect(
      aComment.getByRole("list", { name: `Replies to ${a.username}` }).getByText("so jealous!"),
    ).toBeVisible();
  });

  await test.step("B hearts A's comment: A's count moves live", async () => {
    await aCommentOnB
      .getByRole("button", { name: `Like comment by ${a.username}`, exact: true })
      .click();
    await expect(
      aCommentOnB.getByRole("button", { name: `Unlike comment by ${a.username}` }),
    ).toBeVisible();
    await expect(
      commentRow(pageA, "Water was perfect today").getByTestId("comment-like-count").first(),
    ).toHaveText("1 like");
  });

  await test.step("B comments; A pins it to the top, and B sees it pinned", async () => {
    await comment(pageB, a.username, "What beach is this?");
    const bComment = commentRow(pageA, "What beach is this?");
    await expect(bComment).toBeVisible();
    await bComment.getByRole("button", { name: `Pin comment by ${b.username}` }).click();
    const pinned = pageA.getByRole("listitem", { name: `Pinned comment by ${b.username}` });
    await expect(pinned).toBeVisible();
    await expect(pinned.getByText("Pinned", { exact: true })).toBeVisible();
    // Pinned first.
    await expect(pageA.locator("section[aria-label=Comments] > ul > li").first()).toContainText(
      "What beach is this?",
    );
    await expect(
      pageB.getByRole("listitem", { name: `Pinned comment by ${b.username}` }),
    ).toBeVisible();
    await pageB.screenshot({ path: "/tmp/replies-b-1280.png" });
  });

  expect(
    await pageA.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
  ).toBe(true);

  await test.step("accessible, and how it looks at 375 and 1280 px", async () => {
    const results = await new AxeBuilder({ page: pageA })
      .include("section[aria-label=Comments]")
      .analyze();
    // Every impact, minor ones too: Lighthouse's accessibility score counts them (a textarea with
    // role=combobox, aria-allowed-role, once cost the feed and post pages a point).
    expect(results.violations.map((v) => `${v.impact} ${v.id}: ${v.help}`)).toEqual([]);
    for (const width of [1280, 375]) {
      await pageA.setViewportSize({ width, height: width > 400 ? 800 : 812 });
      await pageA.screenshot({ path: `/tmp/replies-${width}.png` });
    }
    await pageA.locator("section[aria-label=Comments]").scrollIntoViewIfNeeded();
    await pageA.screenshot({ path: "/tmp/replies-375-comments.png", fullPage: true });
  });
});
