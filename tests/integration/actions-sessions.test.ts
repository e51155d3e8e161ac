import "./helpers/next-runtime";
import { describe } from "vitest";
import { runActionCases } from "./helpers/action-cases";
import { setupActionHarness } from "./helpers/actions";
import { sessionCases } from "./helpers/cases/sessions";

// Ending one of the account's sessions from Settings, for every role (see helpers/action-cases.ts).
const h = setupActionHarness();

describe("session actions", () => {
  runActionCases(h, sessionCases);
});
