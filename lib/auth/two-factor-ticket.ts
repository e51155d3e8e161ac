import { z } from "zod";
import { seal, unseal } from "./two-factor-crypto";

// The sign-in ticket between the password step and the code step. The password step seals who
// passed it (and when) and hands the ticket to the browser instead of keeping the password
// there; the code step sends it back with the code. It is encrypted and authenticated with a key
// derived from AUTH_SECRET, expires after 5 minutes, names the account's session version (a
// password reset voids it) and is spent by the first successful code step (its `iat` must be
// after the account's last verification, see lib/auth/two-factor.ts).
//
// "renew" tickets never leave the server: an action that already holds a fully signed-in
// session (changing the password ends every session) uses one to sign the same person in again.

export const TICKET_TTL_MS = 5 * 60_000;
export const RENEW_TTL_MS = 60_000;

const claimsSchema = z.object({
  k: z.enum(["pending", "renew"]),
  u: z.uuid(),
  sv: z.number().int(),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type TicketClaims = z.infer<typeof claimsSchema>;

export function issueTicket(
  appSecret: string,
  kind: TicketClaims["k"],
  user: { id: string; sessionVersion: number },
  now = Date.now(),
): string {
  const ttl = kind === "pending" ? TICKET_TTL_MS : RENEW_TTL_MS;
  const claims: TicketClaims = {
    k: kind,
    u: user.id,
    sv: user.sessionVersion,
    iat: now,
    exp: now + ttl,
  };
  return seal(appSecret, "two-factor-ticket", JSON.stringify(claims));
}

/** The ticket's claims if it is ours, unaltered, of this kind and not expired; else null. */
export function readTicket(
  appSecret: string,
  kind: TicketClaims["k"],
  ticket: string,
  now = Date.now(),
): TicketClaims | null {
  const json = unseal(appSecret, "two-factor-ticket", ticket);
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const claims = claimsSchema.safeParse(parsed);
  if (!claims.success || claims.data.k !== kind) return null;
  if (now >= claims.data.exp || claims.data.iat > now + 60_000) return null;
  return claims.data;
}
