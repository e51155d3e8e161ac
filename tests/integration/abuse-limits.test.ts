import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type AbuseLimits,
  abuseRules,
  budgetOf,
  countOrRefuse,
  createAbuseLimits,
  refuseWhileLimited,
  spend,
} from "@/lib/rate-limit/abuse";
import { fail } from "@/lib/result";
import { openTestDatabase } from "./helpers/db";

// The abuse-limit helpers on the database store (the rate_limits table, as in production). Each
// limit as users meet it, through its real action, is in actions-limits.test.ts.

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let limits: AbuseLimits;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.clean();
  limits = createAbuseLimits({ kind: "database", db: database.db });
});

describe("abuse-limit helpers on the database store", () => {
  it("refuseWhileLimited only reads; countOrRefuse counts and refuses past the limit", async () => {
    const n = abuseRules.signup.points;
    for (let i = 0; i < 3; i++) expect(await refuseWhileLimited(limits, "signup", "ip")).toBeNull();
    for (let i = 0; i < n; i++) expect(await countOrRefuse(limits, "signup", "ip")).toBeNull();
    const refusal = fail(
      "RATE_LIMITED",
      "Too many sign-ups from this network. Try again in 60 minutes.",
    );
    expect(await refuseWhileLimited(limits, "signup", "ip")).toEqual(refusal);
    expect(await countOrRefuse(limits, "signup", "ip")).toEqual(refusal);
    // Counters are per key and per rule.
    expect(await refuseWhileLimited(limits, "signup", "other ip")).toBeNull();
    expect(await refuseWhileLimited(limits, "post", "ip")).toBeNull();
  });

  it("budgetOf reports what is left; spend counts only what was spent", async () => {
    const max = abuseRules.captionMention.points;
    expect((await budgetOf(limits, "captionMention", "ana")).left).toBe(max);
    await spend(limits, "captionMention", "ana", 0);
    await spend(limits, "captionMention", "ana", 12);
    const { left, refusal } = await budgetOf(limits, "captionMention", "ana");
    expect(left).toBe(max - 12);
    expect(refusal).toEqual(
      fail("RATE_LIMITED", "Too many mentions in edited captions. Try again in 60 minutes."),
    );
  });

  it("an override changes a rule's limit (SIGNUPS_PER_ADDRESS_PER_HOUR)", async () => {
    const few = createAbuseLimits({ kind: "database", db: database.db }, { signup: 2 });
    expect(await countOrRefuse(few, "signup", "ip")).toBeNull();
    expect(await countOrRefuse(few, "signup", "ip")).toBeNull();
    expect(await countOrRefuse(few, "signup", "ip")).toMatchObject({ code: "RATE_LIMITED" });
  });
});
