import "server-only";
import type { Executor } from "@/db/client";
import { findSessionState } from "@/lib/auth/queries";
import { touchSession } from "@/lib/auth/session-queries";
import { SESSION_TOUCH_SECONDS } from "./session-policy";

export interface SessionClaims {
  sub?: string;
  sv?: unknown;
  sid?: unknown;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether a claim is a uuid (a column the query may compare it with without an error). */
export const isUuid = (value: string) => uuid.test(value);

/**
 * Whether a session token still stands: its user exists, is active, has not ended its sessions
 * since (session_version), and its session row (`sid`) is that user's, not revoked, and neither
 * idle too long nor past its hard maximum. One query; a used session's last_seen_at and sliding
 * expiry are written at most every SESSION_TOUCH_SECONDS. Returns the user's current identity,
 * or null to sign out.
 */
export async function validateSessionClaims(db: Executor, claims: SessionClaims, now = new Date()) {
  const { sub, sv, sid } = claims;
  if (typeof sub !== "string" || !isUuid(sub) || typeof sv !== "number") return null;
  if (typeof sid !== "string" || !isUuid(sid)) return null;
  const state = await findSessionState(db, sub, sid);
  if (state?.status !== "active" || state.sessionVersion !== sv) return null;
  const { sessionId, revokedAt, expiresAt, absoluteExpiresAt, lastSeenAt } = state;
  if (!sessionId || revokedAt || !expiresAt || !absoluteExpiresAt || !lastSeenAt) return null;
  if (expiresAt <= now || absoluteExpiresAt <= now) return null;
  if (now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_SECONDS * 1000) {
    // A failed write only delays the slide: the session itself still stands.
    await touchSession(db, sessionId, now).catch((error: unknown) => {
      console.error("[auth] could not record session use", error);
    });
  }
  return { name: state.name, username: state.username, role: state.role };
}
