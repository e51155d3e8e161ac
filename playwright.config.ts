import { defineConfig, devices } from "@playwright/test";
import { E2E_TEST_ONLY_AUTH_SECRET, E2E_TEST_ONLY_VAPID } from "./tests/e2e/support/constants";
import { CHROMIUM_ARGS, CHROMIUM_PATH, embeddedRealtimeEnv } from "./tests/e2e/support/local-stack";

// Browser journeys against the BUILT app (`next build` runs first: .ci/run, scripts/test-all.sh).
// The server runs on a fresh embedded database and a fresh dev outbox on every run.
// E2E_PORT / E2E_REALTIME_PORT let two checkouts run their journeys side by side.
const port = Number(process.env.E2E_PORT ?? 3300);
const baseURL = `http://127.0.0.1:${port}`;
// The embedded Pusher-protocol server (soketi) for live updates, on its own test port.
const realtimePort = Number(process.env.E2E_REALTIME_PORT ?? 6301);
const realtimeEnv = embeddedRealtimeEnv(realtimePort);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "npx tsx scripts/realtime-server.ts",
      url: `http://127.0.0.1:${realtimePort}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: {
        AUTH_SECRET: E2E_TEST_ONLY_AUTH_SECRET,
        DATABASE_URL: "",
        SMTP_URL: "",
        S3_BUCKET: "",
        ...realtimeEnv,
      },
    },
    {
      command: `rm -rf .data/e2e-pglite .data/e2e-outbox .data/e2e-storage && npm run setup && npx next start -p ${port} -H 127.0.0.1`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        NODE_ENV: "production",
        AUTH_SECRET: E2E_TEST_ONLY_AUTH_SECRET,
        PGLITE_DIR: ".data/e2e-pglite",
        DEV_OUTBOX_PAGE: "true",
        MAIL_OUTBOX_DIR: ".data/e2e-outbox",
        STORAGE_DIR: ".data/e2e-storage",
        S3_BUCKET: "",
        APP_URL: baseURL,
        // Never the developer's PostgreSQL or SMTP server from .env.local or the shell.
        DATABASE_URL: "",
        SMTP_URL: "",
        RATE_LIMIT_STORE: "memory",
        // Every journey signs up fresh people from 127.0.0.1.
        SIGNUPS_PER_ADDRESS_PER_HOUR: "100000",
        NEXT_TELEMETRY_DISABLED: "1",
        // Web push to the local push service the push journeys start (web-push-testing, http).
        VAPID_PUBLIC_KEY: E2E_TEST_ONLY_VAPID.publicKey,
        VAPID_PRIVATE_KEY: E2E_TEST_ONLY_VAPID.privateKey,
        PUSH_ALLOW_HTTP_ENDPOINTS: "true",
        ...realtimeEnv,
      },
    },
  ],
});
