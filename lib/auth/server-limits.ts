import "server-only";
import { getDb } from "@/lib/db";
import { drivers } from "@/lib/env";
import { type AccountLimits, createAccountLimits } from "./limits";

const store = globalThis as unknown as { __accountLimits?: AccountLimits };

export function getAccountLimits(): AccountLimits {
  store.__accountLimits ??= createAccountLimits(
    drivers.rateLimit === "database" ? { kind: "database", db: getDb() } : { kind: "memory" },
  );
  return store.__accountLimits;
}
