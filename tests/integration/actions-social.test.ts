import "./helpers/next-runtime";
import { describe } from "vitest";
import { runActionCases } from "./helpers/action-cases";
import { setupActionHarness } from "./helpers/actions";
import { socialCases } from "./helpers/cases/social";

// Likes, follows, saves, comments, notifications, suggestions, recent searches: every action
// through its real next-safe-action client, for every role (see helpers/action-cases.ts).
const h = setupActionHarness();

describe("social actions", () => {
  runActionCases(h, socialCases);
});
