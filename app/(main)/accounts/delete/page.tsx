import type { Metadata } from "next";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { Card } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { ACCOUNT_RESTORE_DAYS } from "@/lib/auth/deleted-accounts";
import { requireUser } from "@/lib/auth/require-user";
import { isTwoFactorOn } from "@/lib/auth/two-factor";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Delete account" };

// Settings -> Delete account: what happens, how to change one's mind, then the password.
export default async function DeleteAccountPage() {
  const user = await requireUser();
  return (
    <main className="mx-auto w-full max-w-[600px] px-4 py-6 md:py-10">
      <p className="mb-2 text-sm">
        <Link
          href="/accounts/settings"
          className="text-sky-700 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400"
        >
          ← Settings
        </Link>
      </p>
      <h1 className="mb-6 text-xl font-bold md:text-2xl">Delete account</h1>
      <Card className="p-4 sm:p-5">
        <h2 className="mb-2 font-semibold">Delete @{user.username}?</h2>
        <ul className="mb-4 list-disc space-y-1.5 pl-5 text-sm text-neutral-600 dark:text-neutral-300">
          <li>
            Your profile, photos, comments, likes and follows disappear from Snapgram at once, and
            you are signed out on every device.
          </li>
          <li>
            Changed your mind? Log in again within {ACCOUNT_RESTORE_DAYS} days and everything comes
            back as it was.
          </li>
          <li>
            After {ACCOUNT_RESTORE_DAYS} days your account and everything in it are erased for good.
            This cannot be undone.
          </li>
        </ul>
        <DeleteAccountForm
          username={user.username}
          twoFactor={await isTwoFactorOn(getDb(), user.id)}
        />
      </Card>
    </main>
  );
}
