import { eq } from "drizzle-orm";
import { sessions } from "@/db/schema";
import { startSession } from "@/lib/auth/sessions";
import { revokeSessionAction } from "@/lib/users/actions-sessions";
import { type ActionCase, signedInMatrix, type World } from "../action-cases";

// Settings' "Log out" beside another device: only the account's own sessions can be ended;
// anyone else's session id is NOT_FOUND and stays live.

/** The owner's session on another device (a phone), the target of "Log out". */
async function ownersOtherDevice(w: World) {
  const headers = new Headers({ "user-agent": "Mozilla/5.0 (iPhone) Safari/604.1" });
  const session = await startSession(w.h.db(), w.owner.id, headers);
  return { sessionId: session.id };
}

async function revoked(w: World, input: unknown) {
  const { sessionId } = input as { sessionId: string };
  const [row] = await w.h.db().select().from(sessions).where(eq(sessions.id, sessionId));
  return row?.revokedAt != null;
}

export const sessionCases: Record<string, ActionCase> = {
  "users/actions-sessions:revokeSessionAction": {
    action: revokeSessionAction,
    arrange: ownersOtherDevice,
    changed: revoked,
    matrix: signedInMatrix("changes", "NOT_FOUND"),
    bad: [
      { input: () => ({ sessionId: "not-a-session" }), field: "sessionId" },
      { input: () => ({}), field: "sessionId" },
    ],
  },
};
