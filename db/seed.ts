// `npm run seed`: idempotent demo content, so a newcomer does not land on an empty app.
import { pathToFileURL } from "node:url";
import nextEnv from "@next/env";
import { sql } from "drizzle-orm";
import { hashPassword } from "../lib/auth/password";
import type { Storage } from "../lib/storage/types";
import { type Db, openDatabase } from "./client";
import { users } from "./schema";
import { communityUsers, seedCommunityPosts, seedCommunitySocial } from "./seed-community";
import { seedPosts } from "./seed-posts";
import { privateUsers, seedPrivatePosts, seedPrivateSocial } from "./seed-private";
import { seedSocial } from "./seed-social";

export const DEMO_PASSWORD = "snapgram-demo";

export const demoUsers = [
  {
    username: "ana",
    name: "Ana Lima",
    email: "ana@demo.snapgram.local",
    role: "user",
    bio: "Light chaser. Lisbon ☀️",
  },
  {
    username: "ben.k",
    name: "Ben Kowalski",
    email: "ben@demo.snapgram.local",
    role: "user",
    bio: "Mountains, mostly.",
  },
  {
    username: "chloe_eats",
    name: "Chloé Martin",
    email: "chloe@demo.snapgram.local",
    role: "user",
    bio: "Every plate tells a story 🍜",
  },
  {
    username: "dev.rao",
    name: "Dev Rao",
    email: "dev@demo.snapgram.local",
    role: "user",
    bio: "Street photography · 35mm",
  },
  {
    username: "mod",
    name: "Morgan (moderator)",
    email: "mod@demo.snapgram.local",
    role: "moderator",
    bio: "",
  },
  {
    username: "admin",
    name: "Snapgram Admin",
    email: "admin@demo.snapgram.local",
    role: "admin",
    bio: "",
  },
] as const;

/** Demo users, then (with a storage driver) their avatars and posts. Safe to run again. */
export async function seed(db: Db, storage?: Storage) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const inserted = await db
    .insert(users)
    .values([
      ...demoUsers.map((u) => ({ ...u, passwordHash })),
      ...communityUsers.map((u) => ({ ...u, role: "user" as const, passwordHash })),
      ...privateUsers.map((u) => ({ ...u, role: "user" as const, passwordHash })),
    ])
    .onConflictDoNothing()
    .returning({ username: users.username });
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  const posters = demoUsers.filter((u) => u.role === "user").map((u) => u.username);
  let posts = 0;
  if (storage) {
    posts += await seedPosts(db, storage, [...demoUsers.filter((u) => u.role === "user")]);
    posts += await seedCommunityPosts(db, storage);
    posts += await seedPrivatePosts(db, storage);
  }
  await seedSocial(db, posters, storage);
  await seedCommunitySocial(db, posters, storage);
  await seedPrivateSocial(db);
  return { inserted: inserted.length, users: count?.n ?? 0, posts };
}

/** Migrates the configured database (DATABASE_URL, else PGlite in PGLITE_DIR) and seeds it. */
export async function migrateAndSeed() {
  const database = openDatabase({
    url: process.env.DATABASE_URL || undefined,
    pgliteDir: process.env.PGLITE_DIR || ".data/pglite",
  });
  await database.migrate();
  const { createStorage, storageSettings } = await import("../lib/storage");
  const result = await seed(database.db, createStorage(storageSettings()));
  await database.close();
  return { ...result, driver: database.driver };
}

async function main() {
  nextEnv.loadEnvConfig(process.cwd());
  const result = await migrateAndSeed();
  console.log(
    `seed: ${result.inserted} demo users and ${result.posts} posts added, ${result.users} users in all.`,
  );
  console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const u of demoUsers) console.log(`  ${u.username.padEnd(12)} ${u.email}  (${u.role})`);
  console.log(
    `  and ${communityUsers.length} more to discover: ${communityUsers.map((u) => u.username).join(", ")}`,
  );
  console.log(
    `  and a private account: ${privateUsers.map((u) => u.username).join(", ")} (ana's follow request waits for her)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main();
}
