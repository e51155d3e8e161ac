import "server-only";
import { createSafeActionClient, returnServerError } from "next-safe-action";
import { getCurrentUser } from "@/lib/auth";
import { type Failure, type FieldErrors, fail } from "@/lib/result";

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

type FieldPathErrors = { formErrors: string[]; fieldErrors: FieldErrors };

/**
 * Validation errors keyed by each field's dotted path ("files.0.size", "media.1.alt"), the keys
 * the forms show messages under. next-safe-action's "flattened" shape keeps top-level fields
 * only, so a nested message (a photo over 25 MB) was lost and the form said "check your input".
 */
export async function errorsByFieldPath(errors: unknown): Promise<FieldPathErrors> {
  const formErrors: string[] = [];
  const fields = new Map<string, string[]>();
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key !== "_errors") walk(value, [...path, key]);
      else if (Array.isArray(value) && value.length > 0) {
        if (path.length === 0) formErrors.push(...value);
        else fields.set(path.join("."), [...(fields.get(path.join(".")) ?? []), ...value]);
      }
    }
  };
  walk(errors, []);
  return { formErrors, fieldErrors: Object.fromEntries(fields) };
}

/** Pass as `.inputSchema(schema, byFieldPath)`: every action names nested fields too. */
export const byFieldPath = { handleValidationErrorsShape: errorsByFieldPath };
