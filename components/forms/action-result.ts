import { type Failure, type FieldErrors, fail, type Result } from "@/lib/result";

// next-safe-action answers with { data?, serverError?, validationErrors? }; callers want one
// Result. Validation errors (flattened shape) become a VALIDATION failure with field errors.

export type SafeResult<T> = {
  data?: Result<T>;
  serverError?: unknown;
  validationErrors?: unknown;
};

/** Whether a value is a Failure (an action's `data` or its `serverError`). */
export const isFailure = (value: unknown): value is Failure =>
  typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;

/** Any action's answer, whatever its data (forms read only the failures). */
type Answer = { data?: unknown; serverError?: unknown; validationErrors?: unknown };

type Refusal = { formErrors: string[]; fieldErrors: FieldErrors };

/** The input schema's refusal (flattened validation errors), if the answer is one. */
function refusalIn(answer: Answer | undefined): Refusal | null {
  if (!answer?.validationErrors) return null;
  const { formErrors = [], fieldErrors = {} } = answer.validationErrors as Partial<Refusal>;
  return { formErrors, fieldErrors };
}

function validationFailure({ formErrors, fieldErrors }: Refusal, fallback: string): Failure {
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
  const refusal = refusalIn(answer);
  if (refusal) return validationFailure(refusal, validationFallback);
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

/**
 * What a form shows for an action's answer so far: errors by field, and a message above the
 * fields (a refused input puts only its form-level errors there; the rest sit by their fields).
 */
export function formErrorsIn(answer: Answer): {
  fieldErrors: FieldErrors;
  message: string | null;
} {
  const refusal = refusalIn(answer);
  if (refusal) {
    const { formErrors, fieldErrors } = refusal;
    return { fieldErrors, message: formErrors.length > 0 ? formErrors.join(" ") : null };
  }
  const failure = isFailure(answer.data)
    ? answer.data
    : isFailure(answer.serverError)
      ? answer.serverError
      : null;
  return { fieldErrors: failure?.fieldErrors ?? {}, message: failure?.message ?? null };
}
