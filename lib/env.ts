import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

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
    UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
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
}

export type DatabaseDriver = "postgres" | "pglite";
export type StorageDriver = "s3" | "local";

/** Which adapter each part runs on, derived once from the settings. */
export const drivers = {
  database: (env.DATABASE_URL ? "postgres" : "pglite") as DatabaseDriver,
  mail: env.SMTP_URL ? "smtp" : "outbox",
  rateLimit: env.RATE_LIMIT_STORE ?? (env.DATABASE_URL ? "database" : "memory"),
  storage: (env.S3_BUCKET ? "s3" : "local") as StorageDriver,
} as const;
