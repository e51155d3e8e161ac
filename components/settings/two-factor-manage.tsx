"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type ActionFormState, useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import {
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
} from "@/lib/users/actions-two-factor";
import { RecoveryCodes, recoveryCodesIn } from "./recovery-codes";

/** Two-factor is on: how many recovery codes are left, new codes, turning it off (password). */
export function TwoFactorManage({ recoveryCodesLeft }: { recoveryCodesLeft: number }) {
  const router = useRouter();
  const regenerate = useActionForm(regenerateRecoveryCodesAction);
  const disable = useActionForm(disableTwoFactorAction);
  const [savedCodes, setSavedCodes] = useState<string[] | null>(null);
  const codes = recoveryCodesIn(regenerate.data);

  if (disable.succeeded) {
    return (
      <Card className="p-4 sm:p-5">
        <Alert tone="success">Two-factor authentication is off.</Alert>
        <Button variant="secondary" className="mt-4" onClick={() => router.refresh()}>
          Continue
        </Button>
      </Card>
    );
  }

  if (codes && codes !== savedCodes) {
    return (
      <Card className="p-4 sm:p-5">
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setSavedCodes(codes);
            router.refresh();
          }}
        />
      </Card>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <Card className="p-4 sm:p-5">
        <p className="font-semibold">Two-factor authentication is on.</p>
        <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-300">
          <span data-testid="recovery-codes-left">{recoveryCodesLeft}</span> recovery{" "}
          {recoveryCodesLeft === 1 ? "code" : "codes"} left.
        </p>
      </Card>
      <PasswordForm
        title="New recovery codes"
        text="The old codes stop working."
        button="Get new codes"
        form={regenerate}
      />
      <PasswordForm
        title="Turn off two-factor authentication"
        text="Signing in will only need your password."
        button="Turn off"
        danger
        form={disable}
      />
    </div>
  );
}

function PasswordForm(props: {
  title: string;
  text: string;
  button: string;
  danger?: boolean;
  form: Pick<ActionFormState, "fieldErrors" | "message" | "isPending"> & {
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  };
}) {
  const { form } = props;
  const password = form.fieldErrors.password;
  return (
    <Card className="p-4 sm:p-5">
      <form method="post" onSubmit={form.onSubmit} noValidate className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">{props.title}</h2>
        <p className="text-sm text-neutral-600 dark:text-neutral-300">{props.text}</p>
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={password}
        />
        {form.message && !password ? <Alert>{form.message}</Alert> : null}
        <Button
          type="submit"
          variant={props.danger ? "danger" : "primary"}
          pending={form.isPending}
          className="sm:self-start"
        >
          {props.button}
        </Button>
      </form>
    </Card>
  );
}
