import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import * as accounts from "@/lib/auth/accounts";
import { endAllSessions, explainFailedSignIn } from "@/lib/auth/accounts";
import { type AccountLimits, createAccountLimits } from "@/lib/auth/limits";
import { validateSessionClaims } from "@/lib/auth/session";
import { startSession } from "@/lib/auth/sessions";
import { signInSchema } from "@/lib/auth/validation";
import { withTestDatabase } from "./helpers/db";
import { registeredAccount } from "./helpers/fixtures";

const database = withTestDatabase();
let limits: AccountLimits;
beforeEach(() => {
  limits = createAccountLimits({ kind: "memory" });
});

const INCORRECT = "Incorrect username, email or password.";

// authenticate takes parsed input: parsed here as signInAction and next-auth's authorize do (empty
// fields are refused by the action: actions-accounts.test.ts).
const authenticate = (db: Executor, l: AccountLimits, input: unknown, ip: string) =>
  accounts.authenticate(db, l, signInSchema.parse(input), ip);

const registered = () => registeredAccount(database.db);

describe("authenticate", () => {
  it("signs in with the e-mail or the username, in any letter case", async () => {
    const { input, user } = await registered();
    for (const identifier of [input.email, input.username.toUpperCase(), ` ${input.email} `]) {
      const result = await authenticate(
        database.db,
        limits,
        { identifier, password: input.password },
        "1.1.1.1",
      );
      expect(result).toMatchObject({ ok: true, data: { id: user.id, username: input.username } });
    }
  });

  it("gives one generic message for an unknown user and a wrong password", async () => {
    const { input } = await registered();
    const wrong = await authenticate(
      database.db,
      limits,
      { identifier: input.username, password: "wrong password" },
      "1.1.1.1",
    );
    const unknown = await authenticate(
      database.db,
      limits,
      { identifier: "nobody_here", password: "wrong password" },
      "1.1.1.1",
    );
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("refuses a suspended account", async () => {
    const { input, user } = await registered();
    await database.db.update(users).set({ status: "suspended" }).where(eq(users.id, user.id));
    const result = await authenticate(
      database.db,
      limits,
      { identifier: input.username, password: input.password },
      "1.1.1.1",
    );
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("says 'suspended' only to the right password", async () => {
    const { input, user } = await registered();
    await database.db.update(users).set({ status: "suspended" }).where(eq(users.id, user.id));
    const wrong = { identifier: input.username, password: "wrong password" };
    const generic = { ok: false, code: "UNAUTHENTICATED", message: INCORRECT };
    expect(await authenticate(database.db, limits, wrong, "1.1.1.1")).toEqual(generic);
    expect(await explainFailedSignIn(database.db, limits, wrong, "1.1.1.1")).toEqual(generic);
    const right = { identifier: input.email, password: input.password };
    expect(await explainFailedSignIn(database.db, limits, right, "1.1.1.1")).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "This account is suspended.",
    });
  });
});

// The limits on failed sign-ins: sign-in-limits.test.ts.

describe("session tokens", () => {
  it("stand until the user signs out everywhere, and never for a suspended user", async () => {
    const { user } = await registered();
    const session = await startSession(database.db, user.id, new Headers());
    const claims = { sub: user.id, sv: user.sessionVersion, sid: session.id };
    expect(await validateSessionClaims(database.db, claims)).toMatchObject({
      username: user.username,
    });

    const ended = await endAllSessions(database.db, user.id);
    expect(ended).toEqual({ ok: true, data: user.sessionVersion + 1 });
    expect(await validateSessionClaims(database.db, claims)).toBeNull();

    const next = await startSession(database.db, user.id, new Headers());
    const fresh = { sub: user.id, sv: user.sessionVersion + 1, sid: next.id };
    expect(await validateSessionClaims(database.db, fresh)).not.toBeNull();
    await database.db.update(users).set({ status: "suspended" }).where(eq(users.id, user.id));
    expect(await validateSessionClaims(database.db, fresh)).toBeNull();
  });

  it("refuse forged claims", async () => {
    const { user } = await registered();
    const { id: sid } = await startSession(database.db, user.id, new Headers());
    expect(await validateSessionClaims(database.db, { sub: user.id, sid })).toBeNull();
    expect(await validateSessionClaims(database.db, { sub: user.id, sv: "1", sid })).toBeNull();
    expect(
      await validateSessionClaims(database.db, {
        sub: "0190d3c4-0000-7000-8000-000000000000",
        sv: 1,
        sid,
      }),
    ).toBeNull();
    expect(await validateSessionClaims(database.db, { sub: "not-a-uuid", sv: 1, sid })).toBeNull();
  });
});
