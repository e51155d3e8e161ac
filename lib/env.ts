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
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: false,
  skipValidation: isBuild || process.env.SKIP_ENV_VALIDATION === "1",
  onValidationError: (issues) => {
    const lines = issues.map((i) => `  ${i.path?.map(String).join(".") ?? "?"}: ${i.message}`);
    const message = `Invalid environment settings (see .env.example):\n${lines.join("\n")}`;
    console.error(message);
    throw new Error(message);
  },
});

export type DatabaseDriver = "postgres" | "pglite";

/** Which adapter each part runs on, derived once from the settings. */
export const drivers = {
  database: (env.DATABASE_URL ? "postgres" : "pglite") as DatabaseDriver,
  mail: env.SMTP_URL ? "smtp" : "outbox",
  rateLimit: env.RATE_LIMIT_STORE ?? (env.DATABASE_URL ? "database" : "memory"),
} as const;
