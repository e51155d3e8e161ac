"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { formErrorsIn, isFailure } from "@/components/forms/action-result";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { confirmTwoFactorAction, startTwoFactorAction } from "@/lib/users/actions-two-factor";
import { RecoveryCodes, recoveryCodesIn } from "./recovery-codes";
import { TwoFactorManage } from "./two-factor-manage";

type Props = {
  state: "off" | "pending" | "on";
  setup: { qrSvg: string; secret: string } | null;
  recoveryCodesLeft: number;
};

/** Off: a button to start. Pending: the QR code, the key as text and the first code. On: manage. */
export function TwoFactorSettings({ state, setup, recoveryCodesLeft }: Props) {
  const router = useRouter();
  const start = useAction(startTwoFactorAction, {
    // The page, loaded again, shows the new secret.
    onSuccess: ({ data }) => {
      if (!isFailure(data)) router.refresh();
    },
  });
  const startMessage = formErrorsIn(start.result).message;
  const confirm = useActionForm(confirmTwoFactorAction);
  const [saved, setSaved] = useState(false);
  const codes = recoveryCodesIn(confirm.data);

  if (codes && !saved) {
    return (
      <Card className="p-4 sm:p-5">
        <Alert tone="success" className="mb-4">
          Two-factor authentication is on.
        </Alert>
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setSaved(true);
            router.refresh();
          }}
        />
      </Card>
    );
  }

  // Codes saved, the page's fresh state not here yet: say it is on rather than show the setup.
  if (codes && state !== "on") {
    return (
      <Card className="p-4 sm:p-5">
        <Alert tone="success">Two-factor authentication is on.</Alert>
      </Card>
    );
  }

  if (state === "on") return <TwoFactorManage recoveryCodesLeft={recoveryCodesLeft} />;

  if (state === "pending" && setup) {
    return (
      <Card className="flex flex-col gap-5 p-4 sm:p-5">
        <p className="text-sm text-neutral-600 dark:text-neutral-300">
          Scan this QR code with an authenticator app (1Password, Google Authenticator, Authy...).
        </p>
        <div
          role="img"
          aria-label="QR code for your authenticator app"
          className="mx-auto size-48 rounded-lg bg-white p-2 [&>svg]:size-full"
          // The SVG is drawn on the server by the qrcode library from our own otpauth URI.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: server-made SVG, no user markup
          dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
        />
        <div>
          <p className="text-sm text-neutral-600 dark:text-neutral-300">
            Can&apos;t scan it? Enter this key in the app instead:
          </p>
          <code
            data-testid="totp-secret"
            className="mt-2 block break-words rounded-md bg-neutral-100 px-3 py-2 font-mono text-sm tracking-wide dark:bg-neutral-800"
          >
            {setup.secret}
          </code>
        </div>
        <form method="post" onSubmit={confirm.onSubmit} noValidate className="flex flex-col gap-3">
          <TextField
            label="6-digit code from the app"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            errors={confirm.fieldErrors.code}
          />
          {confirm.message && !confirm.fieldErrors.code ? <Alert>{confirm.message}</Alert> : null}
          <Button type="submit" pending={confirm.isPending} className="sm:self-start">
            Turn on
          </Button>
        </form>
      </Card>
    );
  }

  return (
    <Card className="flex flex-col gap-4 p-4 sm:p-5">
      <p className="text-sm text-neutral-600 dark:text-neutral-300">
        Protect your account with a second step: after your password, Snapgram asks for a code from
        an authenticator app on your phone.
      </p>
      {startMessage ? <Alert>{startMessage}</Alert> : null}
      <Button
        pending={start.isPending || start.hasSucceeded}
        className="sm:self-start"
        onClick={() => start.execute()}
      >
        Set up two-factor authentication
      </Button>
    </Card>
  );
}
