import { type Failure, type FieldErrors, fail, type Result } from "@/lib/result";

// next-safe-action answers with { data?, serverError?, validationErrors? }; callers want one
// Result. Validation errors (flattened shape) become a VALIDATION failure with field errors.

export type SafeResult<T> = {
  data?: Result<T>;
  serverError?: unknown;
  validationErrors?: unknown;
};

const isFailure = (value: unknown): value is Failure =>
  typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;

function validationFailure(errors: unknown, fallback: string): Failure {
  const { formErrors = [], fieldErrors = {} } = errors as {
    formErrors?: string[];
    fieldErrors?: FieldErrors;
  };
  const first = Object.values(fieldErrors).find((list) => list && list.length > 0)?.[0];
  return fail("VALIDATION", formErrors[0] ?? first ?? fallback, fieldErrors);
}

/** Folds an action's answer into a Result, with a generic message when nothing came back. */
export function toResult<T>(
  answer: SafeResult<T> | undefined,
  validationFallback = "Please check your input.",
): Result<T> {
  if (answer?.data) return answer.data;
  if (isFailure(answer?.serverError)) return answer.serverError;
  if (answer?.validationErrors)
    return validationFailure(answer.validationErrors, validationFallback);
  return fail("INTERNAL", "Something went wrong. Please try again.");
}

/** Thrown by mutation functions so TanStack Query's onError receives the action's Failure. */
export class ActionError extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(failure.message);
    this.name = "ActionError";
    this.failure = failure;
  }
}

/** The data of a successful Result, or an ActionError (for useMutation's mutationFn). */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.data;
  throw new ActionError(result);
}

/** The Failure behind an error thrown by a mutation (a network error becomes INTERNAL). */
export function failureOf(error: unknown): Failure {
  if (error instanceof ActionError) return error.failure;
  return fail("INTERNAL", "Couldn't reach Snapgram. Check your connection and try again.");
}

/**
 * The Failure in an action's answer so far (a refused input, a failure, a server error), or
 * null while nothing came back or it succeeded: for components calling useAction directly.
 */
export function failureIn<T>(answer: SafeResult<T>): Failure | null {
  if (answer.data === undefined && answer.serverError === undefined && !answer.validationErrors) {
    return null;
  }
  const result = toResult(answer);
  return result.ok ? null : result;
}
