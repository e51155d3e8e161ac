import { MailWarning } from "lucide-react";
import { LazyResendVerificationButton } from "./lazy-resend-verification-button";

/** Above every signed-in page until the account's address is verified. */
export function VerifyEmailBanner({ email }: { email: string }) {
  return (
    <section
      aria-label="E-mail verification"
      className="border-b border-amber-200 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-[935px] flex-col gap-2 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
        <div className="flex items-start gap-2 text-sm">
          <MailWarning aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <p>
            <strong className="font-semibold">Verify your e-mail.</strong> We sent a link to{" "}
            <span className="break-all font-medium">{email}</span>. Until you open it, you can
            comment and follow only a few times an hour.
          </p>
        </div>
        <LazyResendVerificationButton email={email} />
      </div>
    </section>
  );
}
