import { beforeEach, describe, expect, it } from "vitest";
import {
  type AbuseLimits,
  abuseRules,
  countOrRefuse,
  createAbuseLimits,
  giveBack,
  take,
} from "@/lib/rate-limit/abuse";
import { fail } from "@/lib/result";
import { withTestDatabase } from "./helpers/db";

// The abuse-limit helpers on the database store (the rate_limits table, as in production). Each
// limit as users meet it, through its real action, is in actions-limits.test.ts.

const database = withTestDatabase();
let limits: AbuseLimits;
beforeEach(() => {
  limits = createAbuseLimits({ kind: "database", db: database.db });
});

describe("abuse-limit helpers on the database store", () => {
  it("countOrRefuse counts and refuses past the limit, per key and per rule", async () => {
    const n = abuseRules.signup.points;
    for (let i = 0; i < n; i++) expect(await countOrRefuse(limits, "signup", "ip")).toBeNull();
    const refusal = fail(
      "RATE_LIMITED",
      "Too many sign-ups from this network. Try again in 60 minutes.",
    );
    expect(await countOrRefuse(limits, "signup", "ip")).toEqual(refusal);
    expect(await countOrRefuse(limits, "signup", "other ip")).toBeNull();
    expect(await countOrRefuse(limits, "post", "ip")).toBeNull();
  });

  it("take spends a budget whole or not at all; giveBack returns what was not used", async () => {
    const max = abuseRules.captionMention.points;
    const refusal = fail(
      "RATE_LIMITED",
      "Too many mentions in edited captions. Try again in 60 minutes.",
    );
    expect(await take(limits, "captionMention", "ana", 0)).toBeNull();
    expect(await take(limits, "captionMention", "ana", max - 5)).toBeNull();
    // Over the remainder: refused, and nothing of it taken.
    expect(await take(limits, "captionMention", "ana", 6)).toEqual(refusal);
    expect(await take(limits, "captionMention", "ana", 5)).toBeNull();
    expect(await take(limits, "captionMention", "ana", 1)).toEqual(refusal);
    await giveBack(limits, "captionMention", "ana", 2);
    expect(await take(limits, "captionMention", "ana", 2)).toBeNull();
  });

  it("take is atomic: simultaneous requests cannot each spend the same remainder", async () => {
    const max = abuseRules.captionMention.points;
    const share = Math.floor(max / 2) + 1; // two of these do not fit
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => take(limits, "captionMention", "ana", share)),
    );
    expect(answers.filter((a) => a === null)).toHaveLength(1);
    expect(answers.filter((a) => a?.code === "RATE_LIMITED")).toHaveLength(3);
  });

  it("an override changes a rule's limit (SIGNUPS_PER_ADDRESS_PER_HOUR)", async () => {
    const few = createAbuseLimits({ kind: "database", db: database.db }, { signup: 2 });
    expect(await countOrRefuse(few, "signup", "ip")).toBeNull();
    expect(await countOrRefuse(few, "signup", "ip")).toBeNull();
    expect(await countOrRefuse(few, "signup", "ip")).toMatchObject({ code: "RATE_LIMITED" });
  });
});
