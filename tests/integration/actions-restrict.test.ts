import "./helpers/next-runtime";
import { describe } from "vitest";
import { runActionCases } from "./helpers/action-cases";
import { setupActionHarness } from "./helpers/actions";
import { restrictCases } from "./helpers/cases/restrict";

// Restrict and approve: every action through its real next-safe-action client, for every role
// (see helpers/action-cases.ts).
const h = setupActionHarness();

describe("restrict actions", () => {
  runActionCases(h, restrictCases);
});
