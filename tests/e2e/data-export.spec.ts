import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import yauzl from "yauzl";
import { CreatePostPage } from "./pages/create-post-page";
import { RegisterPage } from "./pages/register-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { newUser } from "./support/users";

// "Download your information": a fresh person with a post asks for a copy in Settings, the app
// builds it in the background, Settings turns "ready", the mailed link downloads the zip, and
// the zip holds the browsable index.html and the photo.

const READY_SUBJECT = "Your Snapgram information is ready";

/** Every entry name of a zip and the bytes of the ones asked for. */
function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err);
      const out = new Map<string, Buffer>();
      file.on("error", reject);
      file.on("end", () => resolve(out));
      file.on("entry", (entry: yauzl.Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  });
}

const section = (page: Page) => page.getByRole("region", { name: "Download your information" });

test("request a copy of your information, wait for it, follow the mailed link and open the zip", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const user = newUser();
  await new RegisterPage(page).register(user);
  const create = new CreatePostPage(page);
  await create.goto();
  await create.choose([await photoFile("lake.jpg", 1400, 1000, "#0284c7")]);
  await create.next();
  await create.describe("Lake day #export", ["A calm blue lake"]);
  await create.share();

  await test.step("ask for it in Settings: it is being prepared", async () => {
    await openHydrated(page, "/accounts/settings");
    await section(page).getByRole("button", { name: "Request a download" }).click();
    // The build runs right after the response: on a quick machine it is ready (and the
    // "We're preparing" note already cleared) by the time the page re-reads.
    await expect(
      section(page).getByText(/Preparing your information|Your information is ready\./),
    ).toBeVisible();
  });

  await test.step("Settings shows it ready (the page re-reads while preparing)", async () => {
    await expect(section(page).getByText("Your information is ready.")).toBeVisible({
      timeout: 60_000,
    });
    await expect(section(page).getByRole("link", { name: "Download" })).toBeVisible();
    await expect(section(page).getByRole("status")).toHaveText("");
    const results = await new AxeBuilder({ page })
      .include('section[aria-labelledby="download-heading"]')
      .analyze();
    const serious = results.violations.filter((v) =>
      ["serious", "critical"].includes(v.impact ?? ""),
    );
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
  });

  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await section(page).scrollIntoViewIfNeeded();
    await section(page).screenshot({ path: `/tmp/export-shots/settings-${width}.png` });
  }

  const zip = await test.step("the mailed link downloads the zip", async () => {
    const mail = page
      .getByRole("link")
      .filter({ hasText: READY_SUBJECT })
      .filter({ hasText: user.email });
    await page.goto("/dev/outbox");
    await expect(mail.first()).toBeVisible();
    await mail.first().click();
    const link = page.locator('a[href*="/api/data-exports/"]').first();
    await expect(link).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^snapgram-${user.username}-.*\\.zip$`),
    );
    return readFile((await download.path()) ?? "");
  });

  await test.step("the zip holds index.html showing the post and its photo", async () => {
    const files = await unzip(zip);
    const html = files.get("index.html")?.toString("utf8") ?? "";
    expect(html).toContain(`@${user.username}`);
    expect(html).toContain("Lake day #export");
    const src = /<img[^>]* src="(photos\/[^"]+\.webp)"/.exec(html)?.[1] ?? "";
    const photo = files.get(src);
    expect(photo, `${src} in the zip`).toBeDefined();
    expect(photo?.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(photo?.subarray(8, 12).toString("ascii")).toBe("WEBP");
    const posts = JSON.parse(files.get("posts.json")?.toString("utf8") ?? "[]");
    expect(posts).toEqual([expect.objectContaining({ caption: "Lake day #export" })]);
  });
});
