import "./helpers/next-runtime";
import { describe } from "vitest";
import { runActionCases } from "./helpers/action-cases";
import { setupActionHarness } from "./helpers/actions";
import { emailCases } from "./helpers/cases/email";

// E-mail verification and change: every action through its real next-safe-action client, for
// every role (see helpers/action-cases.ts).
const h = setupActionHarness();

describe("e-mail actions", () => {
  runActionCases(h, emailCases);
});
