// `npm run setup` (also run by `npm run dev`): everything the embedded mode needs on a fresh
// machine. Creates .data/, writes a random AUTH_SECRET and a VAPID key pair (web push) into
// .env.local once, migrates, seeds.
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
// A VAPID key pair for web push (Settings → Notifications), once, like AUTH_SECRET; not when the
// caller manages the settings (AUTH_SECRET in the environment: the journeys, the benches), which
// then has no web push unless it sets VAPID_* itself.
const latest = existsSync(envFile) ? readFileSync(envFile, "utf8") : "";
if (
  !process.env.AUTH_SECRET &&
  !process.env.VAPID_PUBLIC_KEY &&
  !/^VAPID_PUBLIC_KEY=.+/m.test(latest)
) {
  const webPush = (await import("web-push")).default;
  const keys = webPush.generateVAPIDKeys();
  appendFileSync(
    envFile,
    `VAPID_PUBLIC_KEY=${keys.publicKey}\nVAPID_PRIVATE_KEY=${keys.privateKey}\n`,
  );
  console.log(`setup: wrote a new VAPID key pair (web push) to ${envFile}`);
}
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");

const { migrateAndSeed, demoUsers, DEMO_PASSWORD } = await import("../db/seed");
const result = await migrateAndSeed();
console.log(
  `setup: database ready (${result.driver}), ${result.users} users, ${result.posts} new demo posts.`,
);
console.log(
  `setup: sign in as ${demoUsers.map((u) => u.username).join(", ")} with password "${DEMO_PASSWORD}".`,
);
