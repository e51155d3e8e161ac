import "server-only";
import { createSafeActionClient, returnServerError } from "next-safe-action";
import { getCurrentUser } from "@/lib/auth";
import { type Failure, fail } from "@/lib/result";

// Every server action is built from these clients: input validated with zod before the body runs,
// unexpected errors logged and shown as a generic message, never as a database error.
export const actionClient = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  handleServerError(error): Failure {
    console.error("server action failed", error);
    return fail("INTERNAL", "Something went wrong. Please try again.");
  },
});

/** Loads the signed-in user (checked against the database) or refuses with UNAUTHENTICATED. */
export const authActionClient = actionClient.use(async ({ next }) => {
  const user = await getCurrentUser();
  if (!user) returnServerError(fail("UNAUTHENTICATED", "Sign in to continue."));
  return next({ ctx: { user } });
});
