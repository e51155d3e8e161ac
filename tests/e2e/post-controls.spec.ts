import { expect, test } from "@playwright/test";
import { CreatePostPage } from "./pages/create-post-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { twoSignedUp } from "./support/sign-up";

const COMMENTS_OFF = "Comments on this post have been turned off.";

test("A hides the like count when sharing, then turns comments off; B sees neither count nor comments", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { a, b, pageA, pageB } = await twoSignedUp(browser);

  const postId = await test.step("A shares a photo with the like count hidden", async () => {
    const create = new CreatePostPage(pageA);
    await create.goto();
    await create.choose([await photoFile("quiet.jpg", 1200, 1200, "#0f766e")]);
    await create.next();
    await create.describe("Quiet morning", ["A teal square"]);
    await pageA.getByText("Advanced settings").click();
    await pageA.getByRole("switch", { name: "Hide like count on this post" }).check();
    return create.share();
  });

  const postB = pageB.getByRole("article", { name: `Post by ${a.username}` });

  await test.step("B likes and comments: no number of likes shown", async () => {
    await openHydrated(pageB, `/p/${postId}`);
    await postB.getByRole("button", { name: "Like", exact: true }).click();
    await expect(postB.getByText("Liked by you")).toBeVisible();
    await expect(postB.getByText(/\d+ likes?\b/)).toHaveCount(0);
    await postB.getByRole("textbox", { name: "Add a comment" }).fill("So calm");
    await postB.getByRole("button", { name: "Post", exact: true }).click();
    await expect(postB.getByText("So calm")).toBeVisible();
  });

  await test.step("A sees the count, then turns commenting off from the post menu", async () => {
    await openHydrated(pageA, `/p/${postId}`);
    const postA = pageA.getByRole("article", { name: `Post by ${a.username}` });
    // One like: "Liked by <B>" (with more, "and N others"), and the note that only A sees it.
    await expect(postA.locator("p", { hasText: "Liked by" })).toContainText(b.username);
    await expect(postA.getByText("Only you can see the total number of likes")).toBeVisible();
    await postA.getByRole("button", { name: "Post options" }).click();
    await pageA.getByRole("button", { name: "Turn off commenting" }).click();
    await expect(postA.getByText(COMMENTS_OFF)).toBeVisible();
    await expect(postA.getByText("So calm")).toHaveCount(0);
  });

  await test.step("B sees the message instead of the comment box, and no comments", async () => {
    await openHydrated(pageB, `/p/${postId}`);
    await expect(postB.getByText(COMMENTS_OFF)).toBeVisible();
    await expect(postB.getByRole("textbox", { name: "Add a comment" })).toHaveCount(0);
    await expect(postB.getByText("So calm")).toHaveCount(0);
  });
});
