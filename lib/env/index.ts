import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { applySstResources } from "@/lib/env/sst-resources";

// On AWS (SST) the secrets and the database come from linked resources; outside SST a no-op.
applySstResources();

// Every setting of the app, validated once. Defaults give the embedded mode (no services needed).
// A bad value throws at start-up with the variable's name and what is expected.
const isProduction = process.env.NODE_ENV === "production";
const isBuild = process.env.NEXT_PHASE === "phase-production-build";

const optionalUrl = (protocols: string[], hint: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), {
      message: `expected ${hint}`,
    });

const optionalText = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v));

const optionalPort = () =>
  optionalText()
    .refine(
      (v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535),
      {
        message: "expected a port number (1-65535)",
      },
    )
    .transform((v) => (v === undefined ? undefined : Number(v)));

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : v === "true" || v === "1"));

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    APP_URL: z
      .url({ message: "expected the public base URL of the app, e.g. https://example.com" })
      .default("http://localhost:3000"),
    DATABASE_URL: optionalUrl(
      ["postgres://", "postgresql://"],
      "a postgres:// or postgresql:// connection URL",
    ),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    AUTH_SECRET: z
      .string({
        message:
          "is required: run `npm run setup` (writes .env.local) or set 32+ random characters",
      })
      .min(32, { message: "must be at least 32 characters" }),
    SMTP_URL: optionalUrl(["smtp://", "smtps://"], "an smtp:// or smtps:// URL"),
    MAIL_FROM: z.string().min(3).default("Snapgram <no-reply@snapgram.local>"),
    MAIL_OUTBOX_DIR: z.string().min(1).default(".data/outbox"),
    DEV_OUTBOX_PAGE: flag(!isProduction),
    RATE_LIMIT_STORE: z.enum(["memory", "database"]).optional(),
    // Where the client's address comes from (lib/auth/client-address.ts).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    CLIENT_IP_HEADER: optionalText()
      .transform((v) => v?.toLowerCase())
      .refine((v) => v === undefined || /^[a-z0-9-]{1,64}$/.test(v), {
        message: "expected a header name, e.g. x-viewer-address",
      }),
    SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
    // Comments, and new follows, an account may make per hour until its e-mail is verified.
    UNVERIFIED_ACTIONS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(5),
    STORAGE_DIR: z.string().min(1).default(".data/storage"),
    S3_BUCKET: optionalText().refine(
      (v) => v === undefined || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v),
      { message: "expected an S3 bucket name (3-63 of a-z 0-9 . -)" },
    ),
    // AWS_REGION is set by Lambda (SST), so the deployed app finds its bucket's region by itself.
    S3_REGION: z
      .string()
      .trim()
      .min(1)
      .default(process.env.AWS_REGION || "us-east-1"),
    S3_ENDPOINT: optionalUrl(["http://", "https://"], "an http:// or https:// URL"),
    S3_FORCE_PATH_STYLE: flag(false),
    S3_PUBLIC_URL: optionalUrl(["http://", "https://"], "an http:// or https:// URL"),
    S3_ACCESS_KEY_ID: optionalText(),
    S3_SECRET_ACCESS_KEY: optionalText(),
    // The CloudFront distribution in front of the bucket (SST's router): removed photos are
    // invalidated there. Unset: no CDN to invalidate.
    CDN_DISTRIBUTION_ID: optionalText().refine(
      (v) => v === undefined || /^[A-Z0-9]{8,32}$/.test(v),
      {
        message: "expected a CloudFront distribution id, e.g. E2QWRUHAPOMQZL",
      },
    ),
    UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
    // Live updates: Pusher Channels (app id/key/secret + cluster) or any Pusher-protocol server
    // (app id/key/secret + host). Unset: the embedded local server on 127.0.0.1:REALTIME_PORT.
    PUSHER_APP_ID: optionalText(),
    PUSHER_KEY: optionalText().refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,100}$/.test(v), {
      message: "expected the app key (letters, digits, _ and -)",
    }),
    PUSHER_SECRET: optionalText(),
    PUSHER_CLUSTER: optionalText().refine((v) => v === undefined || /^[a-z0-9-]{1,30}$/.test(v), {
      message: "expected a Pusher cluster name, e.g. eu or us2",
    }),
    PUSHER_HOST: optionalText().refine((v) => v === undefined || /^[A-Za-z0-9.-]{1,253}$/.test(v), {
      message: "expected a host name without scheme or port, e.g. soketi.example.com",
    }),
    PUSHER_PORT: optionalPort(),
    PUSHER_USE_TLS: z
      .enum(["true", "false", "1", "0", ""])
      .optional()
      .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1")),
    // Web push (lib/push): a VAPID key pair (`npx web-push generate-vapid-keys`; `npm run setup`
    // writes one to .env.local) and a contact (mailto: or https:) push services may use. Unset:
    // no push; Settings says push is not set up on this server.
    VAPID_PUBLIC_KEY: optionalText().refine(
      (v) => v === undefined || /^[A-Za-z0-9_-]{80,90}$/.test(v),
      {
        message: "expected a base64url P-256 public key (npx web-push generate-vapid-keys)",
      },
    ),
    VAPID_PRIVATE_KEY: optionalText().refine(
      (v) => v === undefined || /^[A-Za-z0-9_-]{40,45}$/.test(v),
      {
        message: "expected a base64url P-256 private key (npx web-push generate-vapid-keys)",
      },
    ),
    VAPID_SUBJECT: z
      .string()
      .trim()
      .default("mailto:admin@snapgram.local")
      .refine((v) => v.startsWith("mailto:") || v.startsWith("https://"), {
        message: "expected a mailto: or https:// contact, e.g. mailto:admin@example.com",
      }),
    // Accept push subscriptions whose endpoint is plain http:// (a local push service in
    // development and tests). Off in production: the server only posts to https:// services.
    PUSH_ALLOW_HTTP_ENDPOINTS: flag(!isProduction),
    REALTIME_PORT: z.coerce.number().int().min(1024).max(65535).default(6001),
    REALTIME_DISABLED: flag(false),
    BACKGROUND_JOBS_DISABLED: flag(false),
    // The bench's own routes (GET /api/bench/ping); scripts/bench/server.ts turns them on for the
    // server it measures. Off: they answer 404, so a deployment never serves them.
    BENCH_ROUTES: flag(false),
    // Secret for GET /api/health/deep (header x-health-token): runs sharp and argon2 inside the
    // deployed bundle. Unset: that endpoint answers 404.
    HEALTH_TOKEN: optionalText().refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters",
    }),
    // Behind a CDN: the value the CDN writes into x-origin-verify on every request; requests
    // without it are refused (403) by proxy.ts. Unset: no check (laptops, a plain server).
    // Moderators and admins must have two-factor sign-in on before the moderation pages and
    // actions open to them. Off by default (the demo `mod` and `admin` work at once); on on AWS.
    MODERATION_REQUIRES_2FA: flag(false),
    // Key (32+ chars) that seals stored two-factor secrets. Unset: derived from AUTH_SECRET; set it
    // to the old AUTH_SECRET before rotating that one, or every enrolled account loses its codes.
    TWO_FACTOR_KEY: optionalText().refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters",
    }),
    ORIGIN_SECRET: optionalText().refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters",
    }),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: false,
  skipValidation: isBuild || process.env.SKIP_ENV_VALIDATION === "1",
  onValidationError: (issues) =>
    invalidSettings(issues.map((i) => `${i.path?.map(String).join(".") ?? "?"}: ${i.message}`)),
});

function invalidSettings(lines: string[]): never {
  const message = `Invalid environment settings (see .env.example):\n${lines.map((l) => `  ${l}`).join("\n")}`;
  console.error(message);
  throw new Error(message);
}

// Rules across settings, which per-variable schemas cannot express.
if (!isBuild && process.env.SKIP_ENV_VALIDATION !== "1") {
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    invalidSettings([
      "S3_ACCESS_KEY_ID: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither",
    ]);
  }
  const pusherCredentials = [env.PUSHER_APP_ID, env.PUSHER_KEY, env.PUSHER_SECRET];
  const pusherServer = env.PUSHER_CLUSTER ?? env.PUSHER_HOST;
  if (pusherCredentials.some(Boolean) && !pusherCredentials.every(Boolean)) {
    invalidSettings(["PUSHER_APP_ID: set PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET together"]);
  }
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
    invalidSettings([
      "VAPID_PUBLIC_KEY: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY together, or neither",
    ]);
  }
  if (env.PUSHER_CLUSTER && env.PUSHER_HOST) {
    invalidSettings(["PUSHER_HOST: set PUSHER_CLUSTER (Pusher Channels) or PUSHER_HOST, not both"]);
  }
  if (Boolean(pusherServer) !== Boolean(env.PUSHER_APP_ID)) {
    invalidSettings([
      "PUSHER_APP_ID: Pusher needs PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET and one of " +
        "PUSHER_CLUSTER or PUSHER_HOST (or none of them for the embedded server)",
    ]);
  }
}

export type DatabaseDriver = "postgres" | "pglite";
export type StorageDriver = "s3" | "local";
export type RealtimeDriver = "pusher" | "embedded" | "disabled";

/** Which adapter each part runs on, derived once from the settings. */
export const drivers = {
  database: (env.DATABASE_URL ? "postgres" : "pglite") as DatabaseDriver,
  mail: env.SMTP_URL ? "smtp" : "outbox",
  rateLimit: env.RATE_LIMIT_STORE ?? (env.DATABASE_URL ? "database" : "memory"),
  storage: (env.S3_BUCKET ? "s3" : "local") as StorageDriver,
  cdn: env.CDN_DISTRIBUTION_ID ? "cloudfront" : "none",
  realtime: (env.REALTIME_DISABLED === true
    ? "disabled"
    : env.PUSHER_APP_ID
      ? "pusher"
      : "embedded") as RealtimeDriver,
} as const;
