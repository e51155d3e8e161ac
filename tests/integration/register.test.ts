import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import * as accounts from "@/lib/auth/accounts";
import { verifyPassword } from "@/lib/auth/password";
import { registerSchema } from "@/lib/auth/validation";
import { withTestDatabase } from "./helpers/db";
import { newAccount } from "./helpers/fixtures";

const database = withTestDatabase();

// registerAccount takes parsed input: parsed here as registerAction does (bad input is refused by
// the action: actions-accounts.test.ts).
const registerAccount = (db: Db, input: unknown) =>
  accounts.registerAccount(db, registerSchema.parse(input));
const userCount = async () => (await database.db.select({ n: count() }).from(users))[0]?.n;

describe("registerAccount", () => {
  it("creates the account with a normalised username and an argon2id hash", async () => {
    const input = newAccount({ username: "Ana.Lima", email: "Ana@Example.COM" });
    const result = await registerAccount(database.db, input);
    expect(result.ok).toBe(true);
    const [row] = await database.db.select().from(users).where(eq(users.username, "ana.lima"));
    expect(row?.email).toBe("ana@example.com");
    expect(row?.role).toBe("user");
    expect(row?.status).toBe("active");
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row?.passwordHash ?? null, input.password)).toBe(true);
  });

  it("refuses a duplicate e-mail or username in any letter case and writes nothing", async () => {
    await registerAccount(database.db, newAccount({ username: "taken_name", email: "t@x.io" }));
    const byEmail = await registerAccount(database.db, newAccount({ email: "T@X.IO" }));
    expect(byEmail).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!byEmail.ok && byEmail.fieldErrors?.email?.[0]).toMatch(/already exists/);
    const byName = await registerAccount(database.db, newAccount({ username: "TAKEN_Name" }));
    expect(!byName.ok && byName.fieldErrors?.username?.[0]).toMatch(/isn't available/);
    expect(await userCount()).toBe(1);
  });

  it("lets the unique index decide when two sign-ups race for one username", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        registerAccount(database.db, newAccount({ username: "racer", email: `r${i}@x.io` })),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "CONFLICT")).toBe(true);
    expect(await userCount()).toBe(1);
  });

  it("stores HTML in the display name as plain text", async () => {
    const name = "<script>alert(1)</script>";
    const result = await registerAccount(database.db, newAccount({ name }));
    expect(result.ok && result.data.name).toBe(name);
  });
});
