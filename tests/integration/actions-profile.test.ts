import "./helpers/next-runtime";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { updateProfileAction } from "@/lib/users/actions-profile";
import { codeOf, setupActionHarness } from "./helpers/actions";

const h = setupActionHarness();

const row = async (id: string) => (await h.db().select().from(users).where(eq(users.id, id)))[0];

describe("updateProfileAction", () => {
  it("saves a profile with the Website field empty, clearing the website", async () => {
    const ana = await h.user();
    await h
      .db()
      .update(users)
      .set({ website: "https://ana.example.com/" })
      .where(eq(users.id, ana.id));
    await h.signInAs(ana);
    const out = await h.call(updateProfileAction, {
      name: "Ana Lima",
      username: "ana.lima",
      bio: "Light chaser",
      website: "",
    });
    expect(out).toEqual({ kind: "ok", data: { username: "ana.lima" } });
    expect(await row(ana.id)).toMatchObject({
      username: "ana.lima",
      bio: "Light chaser",
      website: null,
    });
  });

  it("saves a bio without a website (the field left out)", async () => {
    const ana = await h.user();
    await h.signInAs(ana);
    const out = await h.call(updateProfileAction, {
      name: "Ana",
      username: ana.username,
      bio: "Hi",
    });
    expect(codeOf(out)).toBe("ok");
    expect(await row(ana.id)).toMatchObject({ bio: "Hi", website: null });
  });
});
