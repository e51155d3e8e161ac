import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  vi.spyOn(console, "error").mockImplementation(() => {});
  return import("@/lib/env");
}

describe("lib/env", () => {
  it("defaults to the embedded drivers", async () => {
    const { drivers, env } = await loadEnv({
      DATABASE_URL: undefined,
      SMTP_URL: undefined,
      S3_BUCKET: undefined,
      PUSHER_APP_ID: undefined,
      PUSHER_KEY: undefined,
      PUSHER_SECRET: undefined,
      PUSHER_CLUSTER: undefined,
      CDN_DISTRIBUTION_ID: undefined,
    });
    expect(drivers).toEqual({
      database: "pglite",
      mail: "outbox",
      rateLimit: "memory",
      storage: "local",
      realtime: "embedded",
      cdn: "none",
    });
    expect(env.PGLITE_DIR).toBe(".data/pglite");
  });

  it("switches to PostgreSQL and SMTP when they are configured", async () => {
    const { drivers } = await loadEnv({
      DATABASE_URL: "postgres://u@127.0.0.1/db",
      SMTP_URL: "smtp://mail.example:587",
      S3_BUCKET: "snapgram-photos",
      PUSHER_APP_ID: "123",
      PUSHER_KEY: "key",
      PUSHER_SECRET: "secret",
      PUSHER_CLUSTER: "eu",
      CDN_DISTRIBUTION_ID: "E2ABCDEF123456",
    });
    expect(drivers).toEqual({
      database: "postgres",
      mail: "smtp",
      rateLimit: "database",
      storage: "s3",
      realtime: "pusher",
      cdn: "cloudfront",
    });
  });

  it("accepts http:// push services only outside production", async () => {
    expect(
      (await loadEnv({ PUSH_ALLOW_HTTP_ENDPOINTS: undefined })).env.PUSH_ALLOW_HTTP_ENDPOINTS,
    ).toBe(true);
    const production = await loadEnv({
      NODE_ENV: "production",
      PUSH_ALLOW_HTTP_ENDPOINTS: undefined,
      SKIP_ENV_VALIDATION: undefined,
    });
    expect(production.env.PUSH_ALLOW_HTTP_ENDPOINTS).toBe(false);
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "mysql://x" }, /postgres/],
    ["AUTH_SECRET", { AUTH_SECRET: "short" }, /at least 32/],
    ["AUTH_SECRET", { AUTH_SECRET: undefined }, /required/],
    ["SMTP_URL", { SMTP_URL: "http://x" }, /smtp/],
    ["DEV_OUTBOX_PAGE", { DEV_OUTBOX_PAGE: "yes" }, /.+/],
    ["APP_URL", { APP_URL: "not a url" }, /URL/],
    ["VAPID_PUBLIC_KEY", { VAPID_PUBLIC_KEY: "not-a-key" }, /generate-vapid-keys/],
    [
      "VAPID_PUBLIC_KEY",
      { VAPID_PUBLIC_KEY: `B${"A".repeat(86)}`, VAPID_PRIVATE_KEY: undefined },
      /together/,
    ],
    ["VAPID_SUBJECT", { VAPID_SUBJECT: "admin@example.com" }, /mailto:/],
  ])("stops with a message naming %s", async (name, vars, hint) => {
    const failure = loadEnv(vars);
    await expect(failure).rejects.toThrow(new RegExp(`${name}: `));
    await expect(failure).rejects.toThrow(hint);
  });
});
