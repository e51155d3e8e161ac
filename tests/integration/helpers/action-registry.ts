import type { ActionCase } from "./action-cases";
import { accountCases } from "./cases/accounts";
import { commentReactionCases } from "./cases/comment-reactions";
import { moderationCases } from "./cases/moderation";
import { postCases } from "./cases/posts";
import { relationCases } from "./cases/relations";
import { restrictCases } from "./cases/restrict";
import { sessionCases } from "./cases/sessions";
import { socialCases } from "./cases/social";

/**
 * Every server action's matrix row, keyed "<module under lib/>:<export>", e.g.
 * "users/actions-profile:updateProfileAction". To add an action: write its ActionCase in the
 * cases/ file of its feature (or a new one, merged here and run by a tests/integration/actions-*
 * file); actions-registry.test.ts fails until every exported action has one.
 */
export const actionRegistry: Record<string, ActionCase> = {
  ...accountCases,
  ...postCases,
  ...socialCases,
  ...moderationCases,
  ...relationCases,
  ...sessionCases,
  ...restrictCases,
  ...commentReactionCases,
};
