import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type PushServiceSubscription, startPushService } from "../support/push-service";
import { RegisterPage } from "./pages/register-page";
import { openHydrated } from "./support/navigation";
import { photoFile } from "./support/photos";
import { newUser } from "./support/users";

// Web push, the share target and the @mention autocomplete, in Chromium.
//
// Headless Chromium has no push service of its own (PushManager.subscribe fails with
// "Registration failed - permission denied" even with the permission granted), and this machine
// is offline anyway. So the browser's PushManager is pointed at a local push service
// (web-push-testing, started here): the page subscribes through it, the app stores the
// subscription and sends the encrypted, VAPID-signed push to it, and the push it received is
// handed to the person's service worker with CDP's ServiceWorker.deliverPushMessage, which runs
// public/sw.js's push handler as a real push would.

const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? "/tmp/shots";
const main = (page: Page) => page.getByRole("main");

let service: Awaited<ReturnType<typeof startPushService>>;
test.beforeAll(async () => {
  service = await startPushService();
});
test.afterAll(async () => {
  await service?.stop();
});

/** The context's PushManager subscribes through the local push service; answers the latest. */
async function useLocalPushService(context: BrowserContext) {
  const subscriptions: PushServiceSubscription[] = [];
  await context.exposeFunction("__e2ePushSubscribe", async (key: string) => {
    const sub = await service.subscribe(key);
    subscriptions.push(sub);
    return sub;
  });
  await context.addInitScript(() => {
    const KEY = "e2e-push-subscription";
    type Sub = { endpoint: string; keys: { p256dh: string; auth: string } };
    const b64url = (bytes: Uint8Array) =>
      btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, "-")
        .replace(/\//g, "_")
        .replace(/=+$/, "");
    const fake = (data: Sub) => ({
      endpoint: data.endpoint,
      expirationTime: null,
      toJSON: () => ({ endpoint: data.endpoint, expirationTime: null, keys: data.keys }),
      unsubscribe: async () => {
        localStorage.removeItem(KEY);
        return true;
      },
    });
    const w = window as unknown as { __e2ePushSubscribe(key: string): Promise<Sub> };
    PushManager.prototype.subscribe = async function subscribe(options) {
      const key = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
      const data = await w.__e2ePushSubscribe(b64url(key));
      localStorage.setItem(KEY, JSON.stringify(data));
      return fake(data) as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function getSubscription() {
      const raw = localStorage.getItem(KEY);
      return raw ? (fake(JSON.parse(raw)) as unknown as PushSubscription) : null;
    };
  });
  return () => subscriptions.at(-1);
}

/** Axe's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
}

/** The id of the page's service worker registration, for CDP. */
async function registrationId(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const found = new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const live = registrations.find((r) => !r.isDeleted);
      if (live) resolve(live.registrationId);
    });
  });
  await cdp.send("ServiceWorker.enable");
  return { cdp, id: await found };
}

/** Opens a page of the app with its service worker in control. */
async function withWorker(page: Page, url: string) {
  await openHydrated(page, url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

test("a follow reaches the other person's browser as a push notification", async ({ browser }) => {
  const origin = test.info().project.use.baseURL ?? "";
  const anaContext = await browser.newContext();
  await anaContext.grantPermissions(["notifications"], { origin });
  const latest = await useLocalPushService(anaContext);
  const anaPage = await anaContext.newPage();
  const ana = newUser();
  const ben = newUser();

  await test.step("A turns on push for this browser in Settings → Notifications", async () => {
    await new RegisterPage(anaPage).register(ana);
    await withWorker(anaPage, "/accounts/settings/notifications");
    await main(anaPage).getByRole("button", { name: "Turn on" }).click();
    await expect(
      main(anaPage).getByText("Push notifications are on for this device."),
    ).toBeVisible();
    const devices = main(anaPage).getByRole("list", { name: "Devices with push notifications" });
    await expect(devices.getByText("This device")).toBeVisible();
    await expect(main(anaPage).getByRole("switch", { name: "Followers" })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    for (const width of [375, 1280]) {
      await anaPage.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await anaPage.screenshot({ path: `${SHOTS}/push-settings-${width}.png`, fullPage: true });
    }
    expect(await seriousViolations(anaPage)).toEqual([]);
  });

  const benContext = await browser.newContext();
  const benPage = await benContext.newPage();
  await test.step("B follows A", async () => {
    await new RegisterPage(benPage).register(ben);
    await openHydrated(benPage, `/${ana.username}`);
    const answered = benPage.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().includes(`/${ana.username}`),
    );
    await main(benPage).getByRole("button", { name: "Follow", exact: true }).click();
    expect((await answered).status()).toBe(200);
  });

  await test.step("the push service got A's push, and A's worker shows it", async () => {
    const sub = latest();
    expect(sub, "A's browser subscribed through the local push service").toBeDefined();
    if (!sub) return;
    let payload = "";
    await expect
      .poll(async () => {
        const messages = await service.received(sub.clientHash);
        payload = messages.length > 0 ? JSON.stringify(messages[0]) : "";
        return messages.length;
      })
      .toBe(1);
    expect(JSON.parse(payload)).toMatchObject({
      title: "Snapgram",
      body: `${ben.username} started following you.`,
      url: `/${ben.username}`,
      tag: "follow",
    });
    const { cdp, id } = await registrationId(anaPage);
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: new URL(origin).origin,
      registrationId: id,
      data: payload,
    });
    await expect
      .poll(() =>
        anaPage.evaluate(async () => {
          const reg = await navigator.serviceWorker.ready;
          return (await reg.getNotifications()).map((n) => ({
            title: n.title,
            body: n.body,
            tag: n.tag,
            url: (n.data as { url?: string } | null)?.url,
          }));
        }),
      )
      .toEqual([
        {
          title: "Snapgram",
          body: `${ben.username} started following you.`,
          tag: "follow",
          url: `/${ben.username}`,
        },
      ]);
  });
  await anaContext.close();
  await benContext.close();
});

test("a photo shared to the app opens the create flow with it selected", async ({ page }) => {
  await new RegisterPage(page).register(newUser());
  await withWorker(page, "/");
  const photo = await photoFile("shared.jpg", 800, 600, "#3b82f6");
  // What the share sheet does: a multipart POST navigation to the manifest's share_target.
  await page.evaluate(
    ({ bytes, name }) => {
      const form = document.createElement("form");
      form.method = "POST";
      form.action = "/share-target";
      form.enctype = "multipart/form-data";
      const input = document.createElement("input");
      input.type = "file";
      input.name = "photos";
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(bytes)], name, { type: "image/jpeg" }));
      input.files = files.files;
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    { bytes: [...photo.buffer], name: photo.name },
  );
  await expect(page).toHaveURL(/\/create\?shared=1$/);
  await expect(page.getByRole("heading", { name: "Crop" })).toBeVisible();
  await expect(main(page).locator('img[src^="blob:"]').first()).toBeVisible();
});

test("@mention autocomplete in a comment box, by keyboard", async ({ page }) => {
  await new RegisterPage(page).register(newUser());
  await openHydrated(page, "/ana");
  const postLink = main(page).locator('a[href^="/p/"]').first();
  const href = await postLink.getAttribute("href");
  await openHydrated(page, href ?? "/");
  const box = main(page).getByRole("textbox", { name: "Add a comment" });
  await box.click();
  await box.pressSequentially("@an");
  const list = page.getByRole("listbox", { name: "People suggestions" });
  await expect(list).toBeVisible();
  // The textarea points at the list it fills (it is a textbox: a textarea takes no combobox role).
  await expect(box).toHaveAttribute("aria-controls", (await list.getAttribute("id")) ?? "");
  const option = list.getByRole("option", { name: /^ana\b/ });
  await expect(option).toBeVisible();
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.screenshot({ path: `${SHOTS}/mention-autocomplete-${width}.png` });
  }
  expect(await seriousViolations(page)).toEqual([]);
  const anaId = await option.getAttribute("id");
  for (let i = 0; i < 6; i++) {
    if ((await box.getAttribute("aria-activedescendant")) === anaId) break;
    await page.keyboard.press("ArrowDown");
  }
  await expect(box).toHaveAttribute("aria-activedescendant", anaId ?? "");
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue("@ana ");
  await expect(list).toBeHidden();
  await expect(box).not.toHaveAttribute("aria-activedescendant");
  // Escape closes a list without touching the text.
  await box.pressSequentially("@an");
  await expect(list).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await expect(box).toHaveValue("@ana @an");
});
