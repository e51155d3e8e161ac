import "server-only";
import type { Executor } from "@/db/client";
import { clientIp } from "@/lib/auth/ip";
import { fail, ok, type Result } from "@/lib/result";
import { insertSession, listLiveSessions, revokeSession } from "./session-queries";
import { describeDevice } from "./user-agent";

// Sign-in sessions as the account sees them: one per sign-in, listed in Settings, each can be
// ended on its own. The per-request check is lib/auth/session.ts.

const USER_AGENT_MAX = 300;

/** Records a sign-in from these request headers; its id goes into the session cookie. */
export async function startSession(db: Executor, userId: string, headers: Headers) {
  return insertSession(db, {
    userId,
    userAgent: (headers.get("user-agent") ?? "").slice(0, USER_AGENT_MAX),
    ip: clientIp(headers),
  });
}

export type SessionView = {
  id: string;
  device: string;
  ip: string;
  lastSeenAt: Date;
  createdAt: Date;
  current: boolean;
};

/** The account's live sessions for Settings, this device's first. */
export async function listSessions(
  db: Executor,
  userId: string,
  currentSessionId: string | null,
): Promise<SessionView[]> {
  const rows = await listLiveSessions(db, userId);
  const views = rows.map((r) => ({
    id: r.id,
    device: describeDevice(r.userAgent),
    ip: r.ip,
    lastSeenAt: r.lastSeenAt,
    createdAt: r.createdAt,
    current: r.id === currentSessionId,
  }));
  return [...views.filter((v) => v.current), ...views.filter((v) => !v.current)];
}

/** Ends one session of this user (ownership in the WHERE clause): NOT_FOUND for anyone else's. */
export async function endSession(
  db: Executor,
  userId: string,
  sessionId: string,
): Promise<Result<null>> {
  const row = await revokeSession(db, userId, sessionId);
  if (!row) return fail("NOT_FOUND", "This session has already ended.");
  return ok(null);
}
