import "server-only";
import { getDb } from "@/lib/db";
import { drivers, env } from "@/lib/env";
import type { Failure } from "@/lib/result";
import { refuseUnverified, type UnverifiedAction } from "./unverified";
import { createVerificationLimits, type VerificationLimits } from "./verification-limits";

const store = globalThis as unknown as { __verificationLimits?: VerificationLimits };

/** The app's verification limiters, in the rate-limit store the settings choose. */
export function getVerificationLimits(): VerificationLimits {
  store.__verificationLimits ??= createVerificationLimits(
    drivers.rateLimit === "database" ? { kind: "database", db: getDb() } : { kind: "memory" },
    env.UNVERIFIED_ACTIONS_PER_HOUR,
  );
  return store.__verificationLimits;
}

/** For the comment and follow actions: refuses an unverified account past its hourly handful. */
export function unverifiedRefusal(
  action: UnverifiedAction,
  userId: string,
): Promise<Failure | null> {
  return refuseUnverified(getDb(), getVerificationLimits(), action, userId);
}
