import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { registerAccount } from "@/lib/auth/accounts";
import { registerSchema } from "@/lib/auth/validation";
import { updateProfile } from "@/lib/users/service";
import { withTestDatabase } from "./helpers/db";
import { newAccount } from "./helpers/fixtures";
import { createUser } from "./helpers/media";

// Names that pass for the product's staff are for moderators and admins only.

const database = withTestDatabase();
const db = () => database.db;

const profile = (overrides: Record<string, string> = {}) => ({
  name: "Ana Lima",
  username: "ana.lima",
  bio: "",
  website: "",
  ...overrides,
});

describe("staff-like names", () => {
  it("cannot be taken at sign-up, and nothing is written", async () => {
    const byName = await registerAccount(db(), newAccount({ name: "Snapgram Support" }));
    expect(byName).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { name: ["This name is reserved."] },
    });
    const byUsername = await registerAccount(db(), newAccount({ username: "snapgram.team" }));
    expect(byUsername).toMatchObject({
      ok: false,
      fieldErrors: { username: ["This username is reserved."] },
    });
    expect(await db().select().from(users)).toHaveLength(0);
  });

  it("cannot be given to a user's profile", async () => {
    const ana = await createUser(db(), { name: "Ana" });
    for (const name of ["Snapgram", "Snapgr4m Official", "Snap gram Help"]) {
      const result = await updateProfile(db(), ana.id, profile({ name }));
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { name: ["This name is reserved."] },
      });
    }
    const result = await updateProfile(db(), ana.id, profile({ username: "snapgram_support" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { username: ["This username is reserved."] },
    });
    const [row] = await db().select().from(users).where(eq(users.id, ana.id));
    expect(row?.name).toBe("Ana");
  });

  it("can be given by moderators and admins to their own profile, and kept", async () => {
    for (const role of ["moderator", "admin"] as const) {
      const staff = await createUser(db());
      await db().update(users).set({ role }).where(eq(users.id, staff.id));
      const wanted = profile({ name: "Snapgram Support", username: `snapgram_${role}` });
      const result = await updateProfile(db(), staff.id, wanted);
      expect(result).toEqual({ ok: true, data: { username: `snapgram_${role}` } });
      // Back to a user (role taken away): the name stays, edits of the bio still save.
      await db().update(users).set({ role: "user" }).where(eq(users.id, staff.id));
      const again = await updateProfile(db(), staff.id, { ...wanted, bio: "Now a user" });
      expect(again.ok).toBe(true);
    }
  });

  it("refuses an invisible character in a name, naming the field", async () => {
    // The schema registerAction validates with (the action test runs it through the action).
    const result = registerSchema.safeParse(newAccount({ name: "Ana\u202Eevil" }));
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(["name"]);
    expect(issue?.message).toMatch(/^Name /);
  });
});
