import "server-only";
import type { Executor } from "@/db/client";
import { findSessionState } from "@/lib/users/queries";

export interface SessionClaims {
  sub?: string;
  sv?: unknown;
}

/**
 * Whether a session token still stands: its user exists, is active, and has not ended its
 * sessions since (session_version). Returns the user's current identity, or null to sign out.
 */
export async function validateSessionClaims(db: Executor, claims: SessionClaims) {
  if (!claims.sub || typeof claims.sv !== "number") return null;
  const state = await findSessionState(db, claims.sub);
  if (state?.status !== "active" || state.sessionVersion !== claims.sv) return null;
  return { name: state.name, username: state.username, role: state.role };
}
