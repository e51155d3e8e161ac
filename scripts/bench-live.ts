// Bench of live updates: the time from an action's commit to ANOTHER browser's DOM showing it.
// Starts a throwaway stack (fresh PGlite, embedded realtime server, the BUILT app, all on
// loopback), signs in ana (A, watches her own post) and ben.k (B, acts on it) in two Chromium
// contexts, and times 50 events: B likes and unlikes in turn, every 10th event is a comment.
//   commit -> DOM: B's browser received the action's response (the write committed before the
//                  response; the event is published after it, in next/server after()) until A's
//                  MutationObserver sees the change. The figure; target p95 < 300 ms.
//   click  -> DOM: B's click until A sees it, a conservative second figure.
// Usage: npm run bench:live [-- --events=50 --verbose]   Needs a build (`npm run build`).
// Exits 0 whatever the latency (the summary says PASS or FAIL), 1 when the stack or the browsers
// could not be set up, 2 past the deadline.
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser } from "playwright";
import { postChannel } from "../lib/realtime/channels";
import {
  type Action,
  type Expectation,
  installClickClock,
  installWatcher,
  launchBrowser,
  openPost,
  runEvent,
  type Sample,
  shownLikeCount,
  signIn,
  viewerLiked,
} from "./bench/live-browser";
import { printLiveSummary } from "./bench/live-report";
import { type LiveStack, startLiveStack } from "./bench/live-stack";
import { runBench } from "./bench/run";

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const EVENTS = Math.max(1, Number(arg("events") ?? 50) || 50);
const VERBOSE = process.argv.includes("--verbose");
const COMMENT_EVERY = 10;
const WARMUPS = 2;
const EVENT_TIMEOUT_MS = 5_000;
const PAUSE_MS = 150;
const DEADLINE_MS = 170_000;
const AUTHOR = "ana";
const ACTOR = "ben.k";

const root = process.cwd();
const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)}s] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let stack: LiveStack | null = null;
let browser: Browser | null = null;

async function cleanup(): Promise<void> {
  await browser?.close().catch(() => {});
  browser = null;
  await stack?.stop().catch(() => {});
  stack = null;
}

/** A post of ana's, preferably one nobody liked yet (its likes line is then unambiguous). */
async function pickPost(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/users/${AUTHOR}/posts`);
  const page = (await res.json()) as { items?: { id: string; likeCount: number }[] };
  const items = page.items ?? [];
  const post = items.find((p) => p.likeCount === 0) ?? items[0];
  if (!post)
    throw new Error(`no posts of ${AUTHOR} (GET /api/users/${AUTHOR}/posts: ${res.status})`);
  return post.id;
}

async function waitForSubscribers(s: LiveStack, channel: string, want: number): Promise<number> {
  const until = Date.now() + 15_000;
  let count = await s.subscribers(channel);
  while (count < want && Date.now() < until) {
    await sleep(200);
    count = await s.subscribers(channel);
  }
  return count;
}

async function main(): Promise<boolean> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("Cannot bench: no build in .next. Build the app first:\n  npm run build\n");
    return false;
  }
  stack = await startLiveStack(root, log);
  const post = { id: await pickPost(stack.baseUrl), author: AUTHOR };
  browser = await launchBrowser();
  const a = await signIn(browser, stack.baseUrl, AUTHOR);
  const b = await signIn(browser, stack.baseUrl, ACTOR);
  await openPost(a, post.id, AUTHOR);
  await openPost(b, post.id, AUTHOR);
  await installWatcher(a, AUTHOR);
  await installWatcher(b, AUTHOR);
  await installClickClock(b);
  const subscribers = await waitForSubscribers(stack, postChannel(post.id), 2);
  log(
    `A (${AUTHOR}) and B (${ACTOR}) on /p/${post.id}; ${subscribers} subscriber(s) on its channel`,
  );

  let liked = await viewerLiked(b, AUTHOR);
  let count = await shownLikeCount(a);
  if (count === null) throw new Error("no likes line found on A's page");

  const next = (i: number): { action: Action; expected: Expectation } => {
    if (i % COMMENT_EVERY === COMMENT_EVERY - 1) {
      const body = `bench-live ${i + 1} ${Math.random().toString(36).slice(2, 8)}`;
      return { action: { kind: "comment", body }, expected: { kind: "comment", body } };
    }
    const want = !liked;
    const expectedCount = Math.max(0, (count ?? 0) + (want ? 1 : -1));
    return {
      action: { kind: "like", liked: want },
      expected: { kind: "likes", count: expectedCount },
    };
  };
  const run = async (i: number): Promise<Sample> => {
    const { action, expected } = next(i);
    const sample = await runEvent(a, b, post, action, expected, EVENT_TIMEOUT_MS);
    if (action.kind === "like") {
      liked = action.liked;
      if (expected.kind === "likes") count = expected.count;
    }
    if (sample.commitToDom === null) {
      // Resync from B's page, which shows its own action's answer.
      await sleep(1000);
      liked = await viewerLiked(b, AUTHOR);
      count = (await shownLikeCount(b)) ?? count;
    }
    await sleep(PAUSE_MS);
    return sample;
  };

  let warmSeen = 0;
  for (let w = 0; w < WARMUPS; w++) {
    // Warm-ups are likes only (i = 0 is never a comment); they are not measured.
    if ((await run(0)).commitToDom !== null) warmSeen += 1;
  }
  if (warmSeen === 0) throw new Error("A saw none of the warm-up events: live updates not working");
  log(`${WARMUPS} warm-up events done (${warmSeen} seen); measuring ${EVENTS} events`);

  const samples: Sample[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const s = await run(i);
    samples.push(s);
    const fmt = (v: number | null) => (v === null ? "missed" : `${v.toFixed(0)} ms`);
    if (VERBOSE) {
      const lag = `Node saw the response ${fmt(s.nodeLag)} later`;
      log(
        `#${i + 1} ${s.kind}: commit->DOM ${fmt(s.commitToDom)}, click->DOM ${fmt(s.clickToDom)} (${lag})`,
      );
    } else if ((i + 1) % 10 === 0 || i + 1 === EVENTS) {
      log(`${i + 1}/${EVENTS} events`);
    }
  }
  printLiveSummary(samples);
  return true;
}

runBench({ name: "bench:live", deadlineMs: DEADLINE_MS, main, cleanup });
