import "./helpers/next-runtime";
import { describe } from "vitest";
import { runActionCases } from "./helpers/action-cases";
import { setupActionHarness } from "./helpers/actions";
import { postCases } from "./helpers/cases/posts";

// Posts: upload slots, create, edit, delete: every action through its real next-safe-action client, for every role (see
// helpers/action-cases.ts).
const h = setupActionHarness();

describe("posts actions", () => {
  runActionCases(h, postCases);
});
