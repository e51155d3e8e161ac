// The one shape every action and service returns; route handlers map `code` to an HTTP status.
import { metric } from "@/lib/observability/metrics";

export type ErrorCode =
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "INTERNAL";

export type FieldErrors = Record<string, string[] | undefined>;

export type Failure = { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };
export type Result<T = undefined> = { ok: true; data: T } | Failure;

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, fieldErrors?: FieldErrors): Failure => {
  // Failed actions by code, and rate-limit refusals, as CloudWatch metrics (on Lambda only).
  metric(code === "RATE_LIMITED" ? "RateLimitRefusal" : "ActionFailure", 1, "Count", {
    Code: code,
  });
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
};

export const httpStatus: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};
