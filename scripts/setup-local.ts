// `npm run setup` (also run by `npm run dev`): everything the embedded mode needs on a fresh
// machine. Creates .data/, writes a random AUTH_SECRET into .env.local once, migrates, seeds.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import nextEnv from "@next/env";

mkdirSync(".data", { recursive: true });
const envFile = ".env.local";
const current = existsSync(envFile) ? readFileSync(envFile, "utf8") : "";
if (!process.env.AUTH_SECRET && !/^AUTH_SECRET=.+/m.test(current)) {
  const prefix = current && !current.endsWith("\n") ? "\n" : "";
  appendFileSync(envFile, `${prefix}AUTH_SECRET=${randomBytes(32).toString("base64url")}\n`);
  console.log(`setup: wrote a new AUTH_SECRET to ${envFile}`);
}
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");

const { seed, demoUsers, DEMO_PASSWORD } = await import("../db/seed");
const { openDatabase } = await import("../db/client");
const database = openDatabase({
  url: process.env.DATABASE_URL || undefined,
  pgliteDir: process.env.PGLITE_DIR || ".data/pglite",
});
await database.migrate();
const { createStorage, storageSettings } = await import("../lib/storage");
const result = await seed(database.db, createStorage(storageSettings()));
await database.close();
console.log(
  `setup: database ready (${database.driver}), ${result.users} users, ${result.posts} new demo posts.`,
);
console.log(
  `setup: sign in as ${demoUsers.map((u) => u.username).join(", ")} with password "${DEMO_PASSWORD}".`,
);
