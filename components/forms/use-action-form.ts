"use client";

import type { SingleInputActionFn } from "next-safe-action/hooks";
import { useAction } from "next-safe-action/hooks";
import type { FormEvent } from "react";
import type { z } from "zod";
import type { Failure, FieldErrors } from "@/lib/result";
import { formErrorsIn, isFailure } from "./action-result";

export type ActionFormState = {
  fieldErrors: FieldErrors;
  message: string | null;
  isPending: boolean;
  succeeded: boolean;
};

/**
 * Wraps next-safe-action's useAction for a form: submits the form's fields as an object and
 * folds validation errors, action failures and server errors into one shape the form can show.
 */
export function useActionForm<Schema extends z.ZodType | undefined, Shaped, Data>(
  action: SingleInputActionFn<Failure, Schema, Shaped, Data>,
) {
  const { execute, result, isPending, hasSucceeded, hasNavigated } = useAction(action);

  const { fieldErrors, message } = formErrorsIn(result);

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
    succeeded: hasSucceeded && !isFailure(result.data),
  };
  // The data of a successful answer ({ ok: true, data }), for forms that show what came back.
  const data: unknown =
    result.data && !isFailure(result.data) ? (result.data as { data?: unknown }).data : undefined;
  return { ...state, data, onSubmit, execute };
}
