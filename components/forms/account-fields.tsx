import { TextField } from "@/components/ui/text-field";
import type { FieldErrors } from "@/lib/result";

// Field blocks the account forms share (sign-up, password reset, settings), so that each asks
// for an email or a new password the same way.

/** The email address, with the keyboard and autofill hints for one. */
export function EmailField({ errors }: { errors?: string[] }) {
  return (
    <TextField
      label="Email"
      name="email"
      type="email"
      autoComplete="email"
      inputMode="email"
      autoCapitalize="none"
      spellCheck={false}
      required
      errors={errors}
    />
  );
}

type NewPasswordFieldsProps = {
  fieldErrors: FieldErrors;
  label?: string;
  /** Ask for it twice (the `confirm` field). */
  confirm?: boolean;
};

/** A new password (`password`), and unless told otherwise the same again (`confirm`). */
export function NewPasswordFields({
  fieldErrors,
  label = "New password",
  confirm = true,
}: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={8}
        maxLength={128}
        required
        hint="At least 8 characters."
        errors={fieldErrors.password}
      />
      {confirm ? (
        <TextField
          label={`Confirm ${label.toLowerCase()}`}
          name="confirm"
          type="password"
          autoComplete="new-password"
          maxLength={128}
          required
          errors={fieldErrors.confirm}
        />
      ) : null}
    </>
  );
}
