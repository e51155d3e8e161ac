import path from "node:path";
import { defineConfig } from "vitest/config";

const usesPostgres = Boolean(process.env.DATABASE_URL);
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "tests/stubs/server-only.ts"),
};
const env = {
  AUTH_SECRET: "test-only-secret-not-used-anywhere-else-0123456789",
  NODE_ENV: "test" as const,
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          env,
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // next-auth imports "next/server" (no extension, fails under plain Node ESM) and must see
          // the next/headers stub of tests/integration/helpers/actions.ts: bundle it with the tests.
          server: { deps: { inline: ["next-auth"] } },
          environment: "node",
          env,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One shared PostgreSQL database: files take turns. PGlite gives each file its own.
          fileParallelism: !usesPostgres,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
