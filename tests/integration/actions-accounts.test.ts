import "./helpers/next-runtime";
import { describe } from "vitest";
import { runActionCases } from "./helpers/action-cases";
import { setupActionHarness } from "./helpers/actions";
import { accountCases } from "./helpers/cases/accounts";

// Accounts and profiles: sign-up, sign-in, password reset, sign-out, profile, avatar, password: every action through its real next-safe-action client, for every role (see
// helpers/action-cases.ts).
const h = setupActionHarness();

describe("accounts actions", () => {
  runActionCases(h, accountCases);
});
