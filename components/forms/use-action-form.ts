"use client";

import type { SingleInputActionFn } from "next-safe-action/hooks";
import { useAction } from "next-safe-action/hooks";
import type { FormEvent } from "react";
import type { z } from "zod";
import type { Failure } from "@/lib/result";

type FieldErrors = Record<string, string[] | undefined>;

export type ActionFormState = {
  fieldErrors: FieldErrors;
  message: string | null;
  isPending: boolean;
  succeeded: boolean;
};

const failureOf = (value: unknown): Failure | null =>
  typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false
    ? (value as Failure)
    : null;

/**
 * Wraps next-safe-action's useAction for a form: submits the form's fields as an object and
 * folds validation errors, action failures and server errors into one shape the form can show.
 */
export function useActionForm<Schema extends z.ZodType | undefined, Shaped, Data>(
  action: SingleInputActionFn<Failure, Schema, Shaped, Data>,
) {
  const { execute, result, isPending, hasSucceeded, hasNavigated } = useAction(action);

  const validation = result.validationErrors as
    | { formErrors?: string[]; fieldErrors?: FieldErrors }
    | undefined;
  const failure = failureOf(result.data);
  const serverError = failureOf(result.serverError);

  const fieldErrors: FieldErrors = {
    ...(failure?.fieldErrors ?? {}),
    ...(validation?.fieldErrors ?? {}),
  };
  const message =
    failure?.message ??
    serverError?.message ??
    (validation?.formErrors && validation.formErrors.length > 0
      ? validation.formErrors.join(" ")
      : null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = Object.fromEntries(new FormData(event.currentTarget));
    execute(input as Parameters<typeof execute>[0]);
  };

  const state: ActionFormState = {
    fieldErrors,
    message,
    // Keep the button busy while the browser follows a redirect after success.
    isPending: isPending || hasNavigated,
    succeeded: hasSucceeded && !failure,
  };
  return { ...state, onSubmit, execute };
}
