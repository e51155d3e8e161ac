import "./helpers/next-runtime";
import { describe } from "vitest";
import { runActionCases } from "./helpers/action-cases";
import { setupActionHarness } from "./helpers/actions";
import { relationCases } from "./helpers/cases/relations";

// Block and mute through their real next-safe-action clients, for every role
// (see helpers/action-cases.ts).
const h = setupActionHarness();

describe("relation actions", () => {
  runActionCases(h, relationCases);
});
