// Settings shared by the throwaway stacks the browser runs against: the Playwright journeys
// (playwright.config.ts) and the browser benches (scripts/bench/live-*.ts, bench-lighthouse.ts).

/** The system Chromium (never a downloaded one: no `npx playwright install`). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Chromium flags for a container without a GPU or sandbox, and no background traffic. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The embedded realtime server (soketi) on `port`, never the developer's Pusher settings. */
export function embeddedRealtimeEnv(port: number): Record<string, string> {
  return {
    REALTIME_PORT: String(port),
    REALTIME_DISABLED: "",
    PUSHER_APP_ID: "",
    PUSHER_KEY: "",
    PUSHER_SECRET: "",
    PUSHER_CLUSTER: "",
    PUSHER_HOST: "",
  };
}
