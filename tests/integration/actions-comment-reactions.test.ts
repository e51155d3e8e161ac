import "./helpers/next-runtime";
import { describe } from "vitest";
import { runActionCases } from "./helpers/action-cases";
import { setupActionHarness } from "./helpers/actions";
import { commentReactionCases } from "./helpers/cases/comment-reactions";

// Comment hearts and pins: every action through its real next-safe-action client, for every role
// (see helpers/action-cases.ts).
const h = setupActionHarness();

describe("comment reaction actions", () => {
  runActionCases(h, commentReactionCases);
});
