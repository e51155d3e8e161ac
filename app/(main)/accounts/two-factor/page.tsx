import type { Metadata } from "next";
import { TwoFactorSettings } from "@/components/settings/two-factor-settings";
import { requireUser } from "@/lib/auth/require-user";
import { groupSecret } from "@/lib/auth/totp";
import { twoFactorStatus } from "@/lib/auth/two-factor";
import { totpQrSvg } from "@/lib/auth/two-factor-qr";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Two-factor authentication" };

/** Settings → Security: turn two-factor sign-in on (scan, confirm a code, keep recovery codes) or off. */
export default async function TwoFactorPage() {
  const user = await requireUser();
  const status = await twoFactorStatus(getDb(), user);
  const setup =
    status.state === "pending"
      ? { qrSvg: await totpQrSvg(status.uri), secret: groupSecret(status.secret) }
      : null;
  return (
    <main className="mx-auto w-full max-w-[600px] px-4 py-6 md:py-10">
      <h1 className="mb-6 text-xl font-bold md:text-2xl">Two-factor authentication</h1>
      <TwoFactorSettings
        state={status.state}
        setup={setup}
        recoveryCodesLeft={status.state === "on" ? status.recoveryCodesLeft : 0}
      />
    </main>
  );
}
