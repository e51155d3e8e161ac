import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema and committed; both PostgreSQL and PGlite apply them.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
});
