import { describe, expect, it } from "vitest";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  normalizeRecoveryCode,
} from "@/lib/auth/recovery-codes";
import {
  groupSecret,
  matchTotp,
  newTotpSecret,
  totpCode,
  totpStep,
  totpUri,
} from "@/lib/auth/totp";
import { seal, unseal } from "@/lib/auth/two-factor-crypto";
import { issueTicket, readTicket, TICKET_TTL_MS } from "@/lib/auth/two-factor-ticket";
import { signInCodeSchema } from "@/lib/auth/two-factor-validation";

const SECRET = "unit-test-secret-0123456789-0123456789";
const user = { id: "0190f0a4-5a6b-7c8d-9e0f-112233445566", sessionVersion: 3 };

describe("sealed strings (AES-256-GCM)", () => {
  it("open with the same secret and purpose only", () => {
    const sealed = seal(SECRET, "two-factor-secret", "JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(unseal(SECRET, "two-factor-secret", sealed)).toBe("JBSWY3DPEHPK3PXP");
    expect(unseal(SECRET, "two-factor-ticket", sealed)).toBeNull();
    expect(unseal(`${SECRET}x`, "two-factor-secret", sealed)).toBeNull();
  });

  it("refuse an altered or truncated one", () => {
    const sealed = seal(SECRET, "two-factor-secret", "hello");
    const raw = Buffer.from(sealed, "base64url");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(unseal(SECRET, "two-factor-secret", raw.toString("base64url"))).toBeNull();
    expect(unseal(SECRET, "two-factor-secret", sealed.slice(0, 20))).toBeNull();
    expect(unseal(SECRET, "two-factor-secret", "not sealed")).toBeNull();
  });

  it("differ each time (random IV)", () => {
    expect(seal(SECRET, "two-factor-secret", "a")).not.toBe(seal(SECRET, "two-factor-secret", "a"));
  });
});

describe("sign-in tickets", () => {
  const now = 1_800_000_000_000;

  it("carry the user and session version, for their kind only", () => {
    const ticket = issueTicket(SECRET, "pending", user, now);
    expect(readTicket(SECRET, "pending", ticket, now + 1000)).toMatchObject({
      u: user.id,
      sv: 3,
      iat: now,
    });
    expect(readTicket(SECRET, "renew", ticket, now + 1000)).toBeNull();
    expect(readTicket("another-secret-0123456789-0123456789", "pending", ticket, now)).toBeNull();
  });

  it("expire after 5 minutes", () => {
    const ticket = issueTicket(SECRET, "pending", user, now);
    expect(readTicket(SECRET, "pending", ticket, now + TICKET_TTL_MS - 1)).not.toBeNull();
    expect(readTicket(SECRET, "pending", ticket, now + TICKET_TTL_MS)).toBeNull();
  });

  it("renewal tickets live one minute", () => {
    const ticket = issueTicket(SECRET, "renew", user, now);
    expect(readTicket(SECRET, "renew", ticket, now + 59_000)).not.toBeNull();
    expect(readTicket(SECRET, "renew", ticket, now + 60_000)).toBeNull();
  });
});

describe("TOTP", () => {
  const secret = newTotpSecret();
  const now = 1_800_000_015_000;

  it("makes a 160-bit base32 secret and an otpauth URI naming the account", () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, "ana");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Snapgram:ana\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(groupSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });

  it("accepts the current step and one either side, answering the step", () => {
    const step = totpStep(now);
    expect(matchTotp(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
  });

  it("refuses two steps away, other secrets and non-codes", () => {
    expect(matchTotp(secret, totpCode(secret, now - 60_000), now)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now + 60_000), now)).toBeNull();
    expect(matchTotp(newTotpSecret(), totpCode(secret, now), now)).toBeNull();
    expect(matchTotp(secret, "12345", now)).toBeNull();
    expect(matchTotp(secret, "abcdef", now)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are ten distinct xxxxx-xxxxx codes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
  });

  it("match however they are typed (case, spaces, dash)", () => {
    const [code = ""] = newRecoveryCodes(1);
    const typed = ` ${code.toUpperCase().replace("-", " ")} `;
    expect(normalizeRecoveryCode(typed)).toBe(code.replace("-", ""));
    expect(hashRecoveryCode(typed)).toBe(hashRecoveryCode(code));
    expect(looksLikeRecoveryCode(typed)).toBe(true);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});

describe("the code step's input", () => {
  it("drops spaces from the code and names empty fields", () => {
    expect(signInCodeSchema.parse({ ticket: "t", code: " 123 456 " }).code).toBe("123456");
    const empty = signInCodeSchema.safeParse({ ticket: "", code: "" });
    expect(empty.success).toBe(false);
    const paths = empty.error?.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["ticket", "code"]));
    expect(signInCodeSchema.safeParse({ ticket: "t", code: "<script>" }).success).toBe(false);
  });
});
