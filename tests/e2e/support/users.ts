import { randomBytes } from "node:crypto";

export interface TestUser {
  email: string;
  username: string;
  name: string;
  password: string;
}

/** A fresh user per journey, so tests never share accounts and can run in any order. */
export function newUser(overrides: Partial<TestUser> = {}): TestUser {
  const suffix = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  return {
    email: `e2e.${suffix}@example.test`,
    username: `e2e_${suffix}`,
    name: `E2E User ${suffix}`,
    password: `pw-${randomBytes(6).toString("hex")}`,
    ...overrides,
  };
}
