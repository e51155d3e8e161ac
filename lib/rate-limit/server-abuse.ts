import "server-only";
import { getDb } from "@/lib/db";
import { drivers, env } from "@/lib/env";
import { type AbuseLimits, createAbuseLimits } from "./abuse";

const store = globalThis as unknown as { __abuseLimits?: AbuseLimits };

/** The app's abuse limiters, in the rate-limit store the settings choose. */
export function getAbuseLimits(): AbuseLimits {
  store.__abuseLimits ??= createAbuseLimits(
    drivers.rateLimit === "database" ? { kind: "database", db: getDb() } : { kind: "memory" },
    { signup: env.SIGNUPS_PER_ADDRESS_PER_HOUR },
  );
  return store.__abuseLimits;
}
