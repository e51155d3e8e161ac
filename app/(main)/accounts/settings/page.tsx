import type { Metadata } from "next";
import { InstallApp } from "@/components/pwa/install-app";
import { ChangeEmailForm } from "@/components/settings/change-email-form";
import { DataExportSection } from "@/components/settings/data-export";
import { PrivateAccountToggle } from "@/components/settings/private-account-toggle";
import { SessionList } from "@/components/settings/session-list";
import { SignOutButtons } from "@/components/settings/sign-out-buttons";
import { Card } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { getCurrentSession } from "@/lib/auth";
import { ACCOUNT_RESTORE_DAYS } from "@/lib/auth/deleted-accounts";
import { emailStatus } from "@/lib/auth/email-verification";
import { requireUser } from "@/lib/auth/require-user";
import { listSessions } from "@/lib/auth/sessions";
import { twoFactorStatus } from "@/lib/auth/two-factor";
import { dataExportView } from "@/lib/data-export/queries";
import { getDb } from "@/lib/db";
import { isPrivateAccount } from "@/lib/follows/queries-requests";
import { isModerator } from "@/lib/moderation/access";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const current = await getCurrentSession();
  const isPrivate = await isPrivateAccount(getDb(), user.id);
  const twoFactor = await twoFactorStatus(getDb(), user);
  const dataExport = await dataExportView(getDb(), user.id);
  const email = await emailStatus(getDb(), user.id);
  const sessions = (await listSessions(getDb(), user.id, current?.sessionId ?? null)).map(
    ({ id, device, ip, current, lastSeenAt }) => ({
      id,
      device,
      ip,
      current,
      lastSeenAt: lastSeenAt.toISOString(),
    }),
  );
  const name = user.name;
  const initial = [...name.trim()][0]?.toUpperCase() ?? "?";
  return (
    <main className="mx-auto w-full max-w-[600px] px-4 py-6 md:py-10">
      <h1 className="mb-6 text-xl font-bold md:text-2xl">Settings</h1>

      <Card className="mb-6 flex items-center gap-4 p-4 sm:p-5">
        <span
          aria-hidden="true"
          className="flex size-14 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-amber-400 via-pink-500 to-violet-600 text-xl font-bold text-white"
        >
          {initial}
        </span>
        <div className="min-w-0">
          <p className="truncate font-semibold">{name}</p>
          <p className="truncate text-sm text-neutral-500 dark:text-neutral-400">
            @{user.username}
          </p>
        </div>
      </Card>

      <section aria-labelledby="privacy-heading" className="mb-6">
        <h2 id="privacy-heading" className="mb-3 text-base font-semibold">
          Account privacy
        </h2>
        <Card className="p-4 sm:p-5">
          <PrivateAccountToggle initial={isPrivate} />
        </Card>
      </section>

      <section aria-labelledby="restricted-heading" className="mb-6">
        <h2 id="restricted-heading" className="mb-3 text-base font-semibold">
          Restricted accounts
        </h2>
        <Card className="flex items-center justify-between gap-3 p-4 sm:p-5">
          <p className="text-sm text-neutral-600 dark:text-neutral-300">
            Accounts whose new comments on your posts wait for your approval.
          </p>
          <Link
            href="/accounts/restricted"
            className="inline-flex h-10 shrink-0 items-center rounded-lg bg-neutral-100 px-4 text-sm font-semibold hover:bg-neutral-200 dark:bg-neutral-800 dark:hover:bg-neutral-700"
          >
            Restricted accounts
          </Link>
        </Card>
      </section>

      <section aria-labelledby="blocked-accounts-heading" className="mb-6">
        <h2 id="blocked-accounts-heading" className="mb-3 text-base font-semibold">
          Blocked and muted accounts
        </h2>
        <Card className="flex items-center justify-between gap-3 p-4 sm:p-5">
          <p className="text-sm text-neutral-600 dark:text-neutral-300">
            See whom you blocked or muted, and unblock or unmute them.
          </p>
          <Link
            href="/accounts/blocked"
            className="inline-flex h-10 shrink-0 items-center rounded-lg bg-neutral-100 px-4 text-sm font-semibold hover:bg-neutral-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-neutral-800 dark:hover:bg-neutral-700"
          >
            Manage
          </Link>
        </Card>
      </section>

      <section aria-labelledby="notifications-heading" className="mb-6">
        <h2 id="notifications-heading" className="mb-3 text-base font-semibold">
          Notifications
        </h2>
        <Card className="flex items-center justify-between gap-3 p-4 sm:p-5">
          <p className="text-sm text-neutral-600 dark:text-neutral-300">
            Push notifications on your devices, and which ones you get.
          </p>
          <Link
            href="/accounts/settings/notifications"
            className="inline-flex h-10 shrink-0 items-center rounded-lg bg-neutral-100 px-4 text-sm font-semibold hover:bg-neutral-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-neutral-800 dark:hover:bg-neutral-700"
          >
            Notification settings
          </Link>
        </Card>
      </section>

      <section aria-labelledby="security-heading" className="mb-6">
        <h2 id="security-heading" className="mb-3 text-base font-semibold">
          Security
        </h2>
        <Card className="flex items-center justify-between gap-3 p-4 sm:p-5">
          <div className="text-sm">
            <p className="font-medium">
              Two-factor authentication: {twoFactor.state === "on" ? "on" : "off"}
            </p>
            <p className="text-neutral-600 dark:text-neutral-300">
              {twoFactor.state === "on"
                ? `${twoFactor.recoveryCodesLeft} recovery ${twoFactor.recoveryCodesLeft === 1 ? "code" : "codes"} left.`
                : "Ask for a code from an authenticator app after your password."}
            </p>
          </div>
          <Link
            href="/accounts/two-factor"
            className="inline-flex h-10 shrink-0 items-center rounded-lg bg-neutral-100 px-4 text-sm font-semibold hover:bg-neutral-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-neutral-800 dark:hover:bg-neutral-700"
          >
            {twoFactor.state === "on" ? "Manage" : "Set up"}
          </Link>
        </Card>
      </section>

      {email ? (
        <section aria-labelledby="email-heading" className="mb-6">
          <h2 id="email-heading" className="mb-3 text-base font-semibold">
            Change e-mail
          </h2>
          <Card className="p-4 sm:p-5">
            <ChangeEmailForm {...email} />
          </Card>
        </section>
      ) : null}

      <section aria-labelledby="devices-heading" className="mb-6">
        <h2 id="devices-heading" className="mb-3 text-base font-semibold">
          Where you&apos;re signed in
        </h2>
        <Card className="p-4 sm:p-5">
          <SessionList sessions={sessions} />
        </Card>
      </section>

      <section aria-labelledby="session-heading" className="mb-6">
        <h2 id="session-heading" className="mb-3 text-base font-semibold">
          Login activity
        </h2>
        <Card className="p-4 sm:p-5">
          <SignOutButtons />
        </Card>
      </section>

      <section aria-labelledby="app-heading" className="mb-6">
        <h2 id="app-heading" className="mb-3 text-base font-semibold">
          App
        </h2>
        <Card className="p-4 sm:p-5">
          <InstallApp />
        </Card>
      </section>

      {isModerator(user) ? (
        <section aria-labelledby="moderation-heading" className="mb-6">
          <h2 id="moderation-heading" className="mb-3 text-base font-semibold">
            Moderation
          </h2>
          <Card className="flex items-center justify-between gap-3 p-4 sm:p-5">
            <p className="text-sm text-neutral-600 dark:text-neutral-300">
              Review reported posts, comments and accounts.
            </p>
            <Link
              href="/admin/reports"
              className="inline-flex h-10 shrink-0 items-center rounded-lg bg-neutral-100 px-4 text-sm font-semibold hover:bg-neutral-200 dark:bg-neutral-800 dark:hover:bg-neutral-700"
            >
              Open reports
            </Link>
          </Card>
        </section>
      ) : null}

      <section aria-labelledby="download-heading" className="mb-6">
        <h2 id="download-heading" className="mb-3 text-base font-semibold">
          Download your information
        </h2>
        <Card className="p-4 sm:p-5">
          {/* Keyed by state: a note about the last request goes once the state moves on. */}
          <DataExportSection key={dataExport.state} view={dataExport} />
        </Card>
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading" className="mb-3 text-base font-semibold">
          Delete account
        </h2>
        <Card className="flex items-center justify-between gap-3 p-4 sm:p-5">
          <p className="text-sm text-neutral-600 dark:text-neutral-300">
            Hide your account at once; it is erased after {ACCOUNT_RESTORE_DAYS} days.
          </p>
          <Link
            href="/accounts/delete"
            className="inline-flex h-10 shrink-0 items-center rounded-lg bg-neutral-100 px-4 text-sm font-semibold text-red-700 hover:bg-neutral-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-neutral-800 dark:text-red-400 dark:hover:bg-neutral-700"
          >
            Delete account
          </Link>
        </Card>
      </section>
    </main>
  );
}
