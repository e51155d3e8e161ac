import type { ActionCase } from "./action-cases";
import { accountDeletionCases } from "./cases/account-deletion";
import { accountCases } from "./cases/accounts";
import { commentReactionCases } from "./cases/comment-reactions";
import { dataExportCases } from "./cases/data-export";
import { emailCases } from "./cases/email";
import { moderationCases } from "./cases/moderation";
import { postCases } from "./cases/posts";
import { pushCases } from "./cases/push";
import { relationCases } from "./cases/relations";
import { restrictCases } from "./cases/restrict";
import { sessionCases } from "./cases/sessions";
import { socialCases } from "./cases/social";
import { twoFactorCases } from "./cases/two-factor";

/**
 * Every server action's matrix row, keyed "<module under lib/>:<export>", e.g.
 * "users/actions-profile:updateProfileAction". To add an action: write its ActionCase in the
 * cases/ file of its feature (or a new one, merged here and run by a tests/integration/actions-*
 * file); actions-registry.test.ts fails until every exported action has one.
 */
export const actionRegistry: Record<string, ActionCase> = {
  ...accountCases,
  ...emailCases,
  ...postCases,
  ...socialCases,
  ...moderationCases,
  ...relationCases,
  ...sessionCases,
  ...restrictCases,
  ...accountDeletionCases,
  ...twoFactorCases,
  ...dataExportCases,
  ...pushCases,
  ...commentReactionCases,
};
