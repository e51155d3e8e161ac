// The two browsers of `npm run bench:live`: B acts on a post (like, unlike, comment), A watches it.
// A MutationObserver in A's page stamps the instant its DOM first shows what B did; B's page stamps
// its clicks; the action's response timing stamps the commit. All clocks are this machine's.
import { type Browser, chromium, type Page, type Response } from "playwright";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../tests/e2e/support/local-stack";

export const DEMO_PASSWORD = "snapgram-demo";

/** What A's page should come to show: a like count, or a comment's text. */
export type Expectation = { kind: "likes"; count: number } | { kind: "comment"; body: string };
export type Action = { kind: "like"; liked: boolean } | { kind: "comment"; body: string };

export type Sample = {
  kind: "like" | "unlike" | "comment";
  /** action response received (commit done) -> A's DOM shows it; null: missed */
  commitToDom: number | null;
  /** B's click -> A's DOM shows it; null: missed */
  clickToDom: number | null;
  /** where the commit instant came from: the browser's response timing or Node's event */
  clock: "response-timing" | "node";
  /** Node's response event minus the browser's response timing (a sanity check of the clocks) */
  nodeLag: number | null;
};

type BenchWindow = Window & {
  __benchExpect?: Expectation | null;
  __benchSeen?: number | null;
  __benchCount?: () => number | null;
  __benchClickAt?: number | null;
};

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

async function openHydrated(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 30_000 });
}

/** A fresh context signed in as a demo user through /login. */
export async function signIn(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl });
  context.setDefaultTimeout(20_000);
  // tsx (esbuild keepNames) wraps named functions in __name(); the scripts passed to evaluate()
  // carry those calls into the page, so the page needs the helper too.
  await context.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  const page = await context.newPage();
  await openHydrated(page, "/login");
  await page.getByLabel("Email or username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

const articleOf = (page: Page, author: string) =>
  page.getByRole("article", { name: `Post by ${author}` });

export async function openPost(page: Page, postId: string, author: string): Promise<void> {
  await openHydrated(page, `/p/${postId}`);
  await articleOf(page, author).waitFor();
}

/** In A's page: the observer that stamps when the post shows the expectation set for it. */
export async function installWatcher(page: Page, author: string): Promise<void> {
  await page.evaluate((label) => {
    const w = window as unknown as BenchWindow;
    const article = () => document.querySelector(`article[aria-label="${label}"]`);
    const num = (s: string | undefined) => Number((s ?? "").replace(/,/g, ""));
    // The likes line: "Be the first to like this", "N likes", "Liked by X" or "Liked by X and N others".
    const shownCount = (root: Element): number | null => {
      for (const p of root.querySelectorAll("p")) {
        const t = (p.textContent ?? "").replace(/\s+/g, " ").trim();
        if (t === "Be the first to like this") return 0;
        const plain = /^([\d,]+) likes?$/.exec(t);
        if (plain) return num(plain[1]);
        const others = /^Liked by \S+ and ([\d,]+) others?$/.exec(t);
        if (others) return num(others[1]) + 1;
        if (/^Liked by \S+$/.test(t)) return 1;
      }
      return null;
    };
    w.__benchCount = () => {
      const root = article();
      return root ? shownCount(root) : null;
    };
    const check = () => {
      const e = w.__benchExpect;
      const root = article();
      if (!e || w.__benchSeen != null || !root) return;
      const shown =
        e.kind === "likes" ? shownCount(root) === e.count : root.textContent?.includes(e.body);
      if (shown) w.__benchSeen = Date.now();
    };
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, `Post by ${author}`);
}

/** The like count A's page shows right now (null: no likes line found). */
export function shownLikeCount(page: Page): Promise<number | null> {
  return page.evaluate(() => (window as unknown as BenchWindow).__benchCount?.() ?? null);
}

/** In B's page: stamps every click (capture phase, before React handles it). */
export async function installClickClock(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    document.addEventListener("click", () => (w.__benchClickAt = Date.now()), { capture: true });
  });
}

async function isActionResponse(response: Response, postId: string): Promise<boolean> {
  const request = response.request();
  if (request.method() !== "POST") return false;
  const headers = await request.allHeaders();
  return headers["next-action"] !== undefined && (request.postData() ?? "").includes(postId);
}

/** The instant B's browser received the action's response headers (the write committed before). */
// Not after response.finished(): an action's streamed answer may finish much later, or never.
function responseInstant(response: Response | null): number | null {
  if (!response) return null;
  const timing = response.request().timing();
  return timing.startTime > 0 && timing.responseStart >= 0
    ? timing.startTime + timing.responseStart
    : null;
}

async function waitSeen(page: Page, timeoutMs: number): Promise<number | null> {
  try {
    const handle = await page.waitForFunction(
      () => (window as unknown as BenchWindow).__benchSeen ?? null,
      undefined,
      { timeout: timeoutMs, polling: 20 },
    );
    return (await handle.jsonValue()) ?? null;
  } catch {
    return null;
  }
}

/** One event: B acts, A must show `expected` within `timeoutMs`. */
export async function runEvent(
  a: Page,
  b: Page,
  post: { id: string; author: string },
  action: Action,
  expected: Expectation,
  timeoutMs: number,
): Promise<Sample> {
  await a.evaluate((e) => {
    const w = window as unknown as BenchWindow;
    w.__benchSeen = null;
    w.__benchExpect = e;
  }, expected);
  await b.evaluate(() => {
    (window as unknown as BenchWindow).__benchClickAt = null;
  });

  let nodeAt: number | null = null;
  const responded = b
    .waitForResponse((r) => isActionResponse(r, post.id), { timeout: timeoutMs })
    .then((r) => {
      nodeAt = Date.now();
      return r;
    })
    .catch(() => null);
  const onB = articleOf(b, post.author);
  if (action.kind === "like") {
    await onB.getByRole("button", { name: action.liked ? "Like" : "Unlike", exact: true }).click();
  } else {
    await onB.getByRole("textbox", { name: "Add a comment" }).fill(action.body);
    await onB.getByRole("button", { name: "Post", exact: true }).click();
  }
  const [response, seen] = await Promise.all([responded, waitSeen(a, timeoutMs)]);
  const fromTiming = responseInstant(response);
  const commitAt = fromTiming ?? nodeAt;
  const clickAt = await b.evaluate(() => (window as unknown as BenchWindow).__benchClickAt ?? null);
  await a.evaluate(() => {
    (window as unknown as BenchWindow).__benchExpect = null;
  });
  const kind = action.kind === "comment" ? "comment" : action.liked ? "like" : "unlike";
  return {
    kind,
    commitToDom: seen !== null && commitAt !== null ? seen - commitAt : null,
    clickToDom: seen !== null && clickAt !== null ? seen - clickAt : null,
    clock: fromTiming !== null ? "response-timing" : "node",
    nodeLag: fromTiming !== null && nodeAt !== null ? nodeAt - fromTiming : null,
  };
}

/** Whether the signed-in viewer of `page` has liked the post (its heart says "Unlike"). */
export async function viewerLiked(page: Page, author: string): Promise<boolean> {
  const unlike = articleOf(page, author).getByRole("button", { name: "Unlike", exact: true });
  return (await unlike.count()) > 0;
}
