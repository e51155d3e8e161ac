import { describe, expect, it } from "vitest";
import { registerSchema, resetTokenSchema, usernameSchema } from "@/lib/auth/validation";
import { tooManyMessage } from "@/lib/rate-limit";

describe("usernameSchema", () => {
  it("lower-cases and accepts letters, digits, periods and underscores", () => {
    expect(usernameSchema.parse("  Ana.Lima_2 ")).toBe("ana.lima_2");
    expect(usernameSchema.parse("a")).toBe("a");
  });
  it.each([
    "",
    "a".repeat(31),
    "ana lima",
    "ana-lima",
    "ana..lima",
    ".ana",
    "ana.",
    "admin",
    // Files the app serves at the top level (the PWA's worker and offline page).
    "sw.js",
    "offline.html",
    "P",
    "été",
  ])("refuses %j", (u) => {
    expect(usernameSchema.safeParse(u).success).toBe(false);
  });
});

describe("registerSchema", () => {
  it("reports every bad field at once", () => {
    const result = registerSchema.safeParse({ email: "x", username: "", name: "", password: "1" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["email", "username", "name", "password"]));
  });
  it("accepts 8 and 128 character passwords, not 7 or 129", () => {
    const base = { email: "a@b.co", username: "abc", name: "A" };
    for (const [length, ok] of [
      [7, false],
      [8, true],
      [128, true],
      [129, false],
    ] as const) {
      expect(registerSchema.safeParse({ ...base, password: "p".repeat(length) }).success).toBe(ok);
    }
  });
});

describe("resetTokenSchema", () => {
  it("accepts only 43 base64url characters", () => {
    expect(resetTokenSchema.safeParse("A".repeat(43)).success).toBe(true);
    expect(resetTokenSchema.safeParse("A".repeat(42)).success).toBe(false);
    expect(resetTokenSchema.safeParse(`${"A".repeat(42)}=`).success).toBe(false);
  });
});

describe("tooManyMessage", () => {
  it("rounds the wait up to whole minutes", () => {
    expect(tooManyMessage(1)).toBe("Too many attempts. Try again in 1 minute.");
    expect(tooManyMessage(14 * 60_000 + 1, "sign-in attempts")).toBe(
      "Too many sign-in attempts. Try again in 15 minutes.",
    );
  });
});
