// temporary: CPU profile of a page load (4x CPU throttle), self time by function
import path from "node:path";
import { launchBrowser, signIn } from "./bench/live-browser";
import { startLiveStack } from "./bench/live-stack";

const root = path.resolve(import.meta.dirname, "..");
const target = process.argv[2] ?? "/";
const stack = await startLiveStack(root, () => {});
const browser = await launchBrowser();
try {
  const page = await signIn(browser, stack.baseUrl, "ana");
  await page.goto(`${stack.baseUrl}${target}`);
  await page.waitForTimeout(1500);
  await page.goto("about:blank");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await page.goto(`${stack.baseUrl}${target}`);
  await page.waitForTimeout(4000);
  const { profile } = (await cdp.send("Profiler.stop")) as {
    profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] };
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(id);
    if (!n) return;
    const key = (x: typeof n) => `${x.callFrame.functionName || "(anon)"} ${x.callFrame.url.split("/").pop()}:${x.callFrame.lineNumber}:${x.callFrame.columnNumber}`;
    self.set(key(n), (self.get(key(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const m = byId.get(cur);
      if (!m) break;
      const k = key(m);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`);
  console.log("SELF\n" + top(self, 35).join("\n"));
  console.log("TOTAL\n" + top(total, 60).join("\n"));
} finally {
  await browser.close();
  await stack.stop();
}
