import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { type AccountLimits, createAccountLimits } from "@/lib/auth/limits";
import { validateSessionClaims } from "@/lib/auth/session";
import type { RateLimitStore } from "@/lib/rate-limit";
import * as accounts from "@/lib/users/accounts";
import {
  endAllSessions,
  explainFailedSignIn,
  registerAccount,
  signInWait,
} from "@/lib/users/accounts";
import { signInSchema } from "@/lib/users/validation";
import { openTestDatabase } from "./helpers/db";
import { newAccount } from "./helpers/fixtures";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let limits: AccountLimits;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.clean();
  limits = createAccountLimits({ kind: "memory" });
});

// authenticate takes parsed input: parsed here as signInAction and next-auth's authorize do (empty
// fields are refused by the action: actions-accounts.test.ts).
const authenticate = (db: Executor, l: AccountLimits, input: unknown, ip: string) =>
  accounts.authenticate(db, l, signInSchema.parse(input), ip);

async function registered() {
  const input = newAccount();
  const result = await registerAccount(database.db, input);
  if (!result.ok) throw new Error(result.message);
  return { input, user: result.data };
}

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
});

describe.each<[string, () => RateLimitStore]>([
  ["memory", () => ({ kind: "memory" })],
  ["database", () => ({ kind: "database", db: database.db })],
])("a burst of 50 wrong sign-ins (%s store)", (_name, store) => {
  it("is limited, and the right password works again after the window", async () => {
    const { input } = await registered();
    // 15-minute windows scaled down to 5 seconds: long enough that ten argon2 checks on a busy
    // machine still fall inside one window, short enough to wait out.
    const fast = createAccountLimits(store(), 1 / 180);
    const results = [];
    for (let i = 0; i < 50; i++) {
      results.push(
        await authenticate(
          database.db,
          fast,
          { identifier: input.email, password: `wrong-${i}-password` },
          "9.9.9.9",
        ),
      );
    }
    expect(results.slice(0, 10).every((r) => !r.ok && r.code === "UNAUTHENTICATED")).toBe(true);
    expect(results.slice(10).every((r) => !r.ok && r.code === "RATE_LIMITED")).toBe(true);
    const limited = results[49];
    expect(!limited?.ok && limited?.message).toMatch(
      /Too many sign-in attempts. Try again in 1 minute/,
    );

    // Still limited for the right password, even by username instead of e-mail.
    const during = await authenticate(
      database.db,
      fast,
      { identifier: input.username, password: input.password },
      "9.9.9.9",
    );
    expect(during).toMatchObject({ ok: false, code: "RATE_LIMITED" });

    expect(await signInWait(database.db, fast, input.username, "9.9.9.9")).toBeGreaterThan(0);
    expect(await explainFailedSignIn(database.db, fast, input.email, "1.1.1.1")).toMatchObject({
      code: "RATE_LIMITED",
    });
    await new Promise((r) => setTimeout(r, 5_200));
    expect(await signInWait(database.db, fast, input.username, "9.9.9.9")).toBe(0);
    const after = await authenticate(
      database.db,
      fast,
      { identifier: input.username, password: input.password },
      "9.9.9.9",
    );
    expect(after.ok).toBe(true);
  });
});

describe("session tokens", () => {
  it("stand until the user signs out everywhere, and never for a suspended user", async () => {
    const { user } = await registered();
    const claims = { sub: user.id, sv: user.sessionVersion };
    expect(await validateSessionClaims(database.db, claims)).toMatchObject({
      username: user.username,
    });

    const ended = await endAllSessions(database.db, user.id);
    expect(ended).toEqual({ ok: true, data: user.sessionVersion + 1 });
    expect(await validateSessionClaims(database.db, claims)).toBeNull();

    const fresh = { sub: user.id, sv: user.sessionVersion + 1 };
    expect(await validateSessionClaims(database.db, fresh)).not.toBeNull();
    await database.db.update(users).set({ status: "suspended" }).where(eq(users.id, user.id));
    expect(await validateSessionClaims(database.db, fresh)).toBeNull();
  });

  it("refuse forged claims", async () => {
    const { user } = await registered();
    expect(await validateSessionClaims(database.db, { sub: user.id })).toBeNull();
    expect(await validateSessionClaims(database.db, { sub: user.id, sv: "1" })).toBeNull();
    expect(
      await validateSessionClaims(database.db, {
        sub: "0190d3c4-0000-7000-8000-000000000000",
        sv: 1,
      }),
    ).toBeNull();
  });
});
