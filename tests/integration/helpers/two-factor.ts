import type { Db } from "@/db/client";
import { totpCode } from "@/lib/auth/totp";
import { confirmTwoFactor, startTwoFactor, twoFactorStatus } from "@/lib/auth/two-factor";

// Two-factor sign-in turned on for a test account through the service (as the Settings actions
// do), answering what the person would have: the secret and the recovery codes.

/** Step offsets: enrolment uses the previous step's code, so the current one is still unused. */
export const PREVIOUS = -30_000;
export const NEXT = 30_000;

export async function enableTwoFactorFor(db: Db, user: { id: string; username: string }) {
  const started = await startTwoFactor(db, user.id);
  if (!started.ok) throw new Error(started.message);
  const status = await twoFactorStatus(db, user);
  if (status.state !== "pending") throw new Error("no pending secret");
  const enrolmentCode = totpCode(status.secret, Date.now() + PREVIOUS);
  const confirmed = await confirmTwoFactor(db, user.id, enrolmentCode);
  if (!confirmed.ok) throw new Error(confirmed.message);
  return { secret: status.secret, recoveryCodes: confirmed.data.recoveryCodes, enrolmentCode };
}

/** The code the person's app shows now (offset by whole steps with PREVIOUS/NEXT). */
export const codeNow = (secret: string, offsetMs = 0) => totpCode(secret, Date.now() + offsetMs);
