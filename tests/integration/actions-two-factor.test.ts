import "./helpers/next-runtime";
import { describe } from "vitest";
import { runActionCases } from "./helpers/action-cases";
import { setupActionHarness } from "./helpers/actions";
import { twoFactorCases } from "./helpers/cases/two-factor";

// Two-factor sign-in: the code step and the Settings actions, through their real clients, for
// every role (see helpers/action-cases.ts).
const h = setupActionHarness();

describe("two-factor actions", () => {
  runActionCases(h, twoFactorCases);
});
