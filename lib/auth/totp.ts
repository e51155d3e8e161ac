import { Secret, TOTP } from "otpauth";

// TOTP (RFC 6238) as authenticator apps expect it: SHA-1, 6 digits, 30-second steps. A code
// is accepted in the current step or the one before or after (clock drift); the caller learns
// which step matched so that it can refuse a code of a step already used.

export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = "Snapgram";

const totp = (secret: string, label = "") =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });

/** A new random 160-bit secret, base32 (what the user can type into an app by hand). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI the QR code carries. */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

export function totpStep(now: number): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of the step holding `now` (tests and the journey compute codes with it). */
export function totpCode(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}

/** The step a 6-digit code belongs to (now, or one step either side), or null. */
export function matchTotp(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : totpStep(now) + delta;
}

/** The secret in groups of four, easier to read and type. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
