import { expect, type Page, type Request, test } from "@playwright/test";
import { CreatePostPage } from "./pages/create-post-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { twoSignedUp } from "./support/sign-up";

async function follow(page: Page, username: string) {
  await openHydrated(page, `/${username}`);
  const button = page.getByRole("main").getByRole("button", { name: "Follow", exact: true });
  await button.first().click();
  await expect(
    page.getByRole("main").getByRole("button", { name: "Following", exact: true }).first(),
  ).toBeVisible();
}

test("B follows A, reads the feed across pages, double-tap likes, comments and saves; A sees it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { a, b, pageA, pageB } = await twoSignedUp(browser);

  const postId = await test.step("A shares a photo", async () => {
    const create = new CreatePostPage(pageA);
    await create.goto();
    await create.choose([await photoFile("lake.jpg", 1400, 1400, "#2563eb")]);
    await create.next();
    await create.describe("Morning lake #calm", ["A calm blue lake"]);
    return create.share();
  });

  await test.step("a new account sees suggestions instead of an empty feed", async () => {
    await openHydrated(pageB, "/");
    await expect(pageB.getByRole("heading", { name: "Suggested for you" })).toBeVisible();
  });

  await test.step("B follows A and three demo accounts (more than one feed page)", async () => {
    for (const username of [a.username, "ana", "ben.k", "chloe_eats"])
      await follow(pageB, username);
  });

  await test.step("the first pages are in the server's HTML (no empty list before hydration)", async () => {
    const html = async (url: string) => (await pageB.request.get(url)).text();
    expect(await html("/")).toContain(`/p/${postId}`);
    expect(await html(`/${a.username}`)).toContain(`/p/${postId}`);
  });

  await test.step("with the end of the feed in view, the next page comes unasked, after the page has loaded", async () => {
    // A phone-wide window tall enough for the whole first page: its end is in view at once.
    const size = pageB.viewportSize();
    await pageB.setViewportSize({ width: 412, height: 4000 });
    let loaded = false;
    const beforeLoad: string[] = [];
    const onLoad = () => {
      loaded = true;
    };
    const onRequest = (request: Request) => {
      if (new URL(request.url()).pathname === "/api/feed" && !loaded)
        beforeLoad.push(request.url());
    };
    pageB.on("load", onLoad);
    pageB.on("request", onRequest);
    // The cards of the server's HTML, as parsed (before any script ran on them).
    await pageB.addInitScript(() => {
      document.addEventListener("DOMContentLoaded", () => {
        (window as unknown as { serverCards: Element[] }).serverCards = [
          ...document.querySelectorAll("article"),
        ];
      });
    });
    try {
      const nextPage = pageB.waitForResponse(
        (r) => new URL(r.url()).pathname === "/api/feed" && r.ok(),
      );
      // The posts of the server's first page (HTML), whatever the client did by now.
      const html = await (await pageB.request.get("/")).text();
      const firstPage = html.match(/<article aria-label="Post by /g)?.length ?? 0;
      expect(firstPage).toBeGreaterThan(0);
      await pageB.goto("/");
      await nextPage;
      // Not in the middle of hydration: the page's own load comes first.
      expect(beforeLoad).toEqual([]);
      await expect
        .poll(() => pageB.getByRole("feed").getByRole("article").count())
        .toBeGreaterThan(firstPage);
      // The server's cards were hydrated and kept, not thrown away and drawn again.
      const kept = await pageB.evaluate(() =>
        (window as unknown as { serverCards: Element[] }).serverCards.map((a) => a.isConnected),
      );
      expect(kept).toEqual(Array.from({ length: firstPage }, () => true));
    } finally {
      pageB.off("load", onLoad);
      pageB.off("request", onRequest);
      if (size) await pageB.setViewportSize(size);
    }
  });

  await test.step("B's feed starts with A's post and loads a second page on scroll", async () => {
    await openHydrated(pageB, "/");
    const feed = pageB.getByRole("feed");
    const cards = feed.getByRole("article");
    await expect(cards.first()).toHaveAccessibleName(`Post by ${a.username}`);
    const firstPage = await cards.count();
    expect(firstPage).toBeGreaterThan(0);
    // Scrolling the last card into view fetches the next page.
    for (let i = 0; i < 6 && (await cards.count()) <= firstPage; i++) {
      await cards.last().scrollIntoViewIfNeeded();
      await pageB.mouse.wheel(0, 4000);
      await pageB.waitForTimeout(300);
    }
    expect(await cards.count()).toBeGreaterThan(firstPage);
    const ids = await feed
      .locator('a[href^="/p/"]')
      .evaluateAll((links) => links.map((l) => l.getAttribute("href")));
    expect(ids).toContain(`/p/${postId}`);
  });

  await test.step("B comments from the feed card: the Comment button focuses its box", async () => {
    // The card's box is a stand-in until used; the full form takes over with the focus and the
    // text typed so far, and Enter posts from it.
    await openHydrated(pageB, "/");
    const card = pageB.getByRole("feed").getByRole("article", { name: `Post by ${a.username}` });
    await card.getByRole("button", { name: "Comment", exact: true }).click();
    const box = card.getByRole("textbox", { name: "Add a comment" });
    await expect(box).toBeFocused();
    await pageB.keyboard.type("Seen from the feed");
    await expect(box).toHaveValue("Seen from the feed");
    await expect(box).toBeFocused();
    await pageB.keyboard.press("Enter");
    await expect(
      card.getByRole("list", { name: "Latest comments" }).getByText("Seen from the feed"),
    ).toBeVisible();
    await expect(box).toHaveValue("");
    await expect
      .poll(async () => (await pageB.request.get(`/p/${postId}`)).text())
      .toContain("Seen from the feed");
  });

  await test.step("B double-taps the photo to like, comments and saves", async () => {
    await openHydrated(pageB, `/p/${postId}`);
    const post = pageB.getByRole("article", { name: `Post by ${a.username}` });
    await post.getByAltText("A calm blue lake").dblclick();
    await expect(post.getByRole("button", { name: "Unlike" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await post.getByRole("textbox", { name: "Add a comment" }).fill("What a view!");
    await post.getByRole("button", { name: "Post", exact: true }).click();
    await expect(post.getByText("What a view!")).toBeVisible();
    await post.getByRole("button", { name: "Save", exact: true }).click();
    await expect(post.getByRole("button", { name: "Remove from saved" })).toBeVisible();
    // The button turns at once (optimistic); the save lands after the comment's action (Next
    // runs a page's server actions one at a time), so wait for it before leaving the page.
    await expect
      .poll(async () => (await pageB.request.get(`/${b.username}?tab=saved`)).text())
      .toContain(`/p/${postId}`);
  });

  await test.step("the post shows in B's Saved tab, visible only to B", async () => {
    await openHydrated(pageB, `/${b.username}?tab=saved`);
    await expect(pageB.locator(`a[href="/p/${postId}"]`)).toBeVisible();
    await openHydrated(pageA, `/${b.username}`);
    await expect(pageA.getByRole("link", { name: "Saved" })).toHaveCount(0);
  });

  await test.step("A sees the like, the comment and the new follower", async () => {
    await openHydrated(pageA, `/p/${postId}`);
    const post = pageA.getByRole("article", { name: `Post by ${a.username}` });
    await expect(post.getByText(/Liked by/)).toContainText(b.username);
    await expect(post.getByText("What a view!")).toBeVisible();
    expect(await (await pageA.request.get(`/p/${postId}`)).text()).toContain("What a view!");
    await openHydrated(pageA, `/${a.username}`);
    await expect(pageA.getByRole("button", { name: "1 follower" })).toBeVisible();
  });
});
