import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OutboxBanner } from "@/components/dev/outbox-banner";
import Link from "@/components/ui/link";
import { listOutbox } from "@/lib/email/outbox";
import { drivers, env } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Development outbox", robots: { index: false } };

export default async function OutboxPage() {
  if (!env.DEV_OUTBOX_PAGE || drivers.mail !== "outbox") notFound();
  const mails = await listOutbox(env.MAIL_OUTBOX_DIR);
  return (
    <div className="min-h-dvh">
      <OutboxBanner />
      <main className="mx-auto w-full max-w-3xl px-4 py-8">
        <h1 className="mb-1 text-2xl font-bold">Development outbox</h1>
        <p className="mb-6 text-sm text-neutral-500 dark:text-neutral-400">
          Newest first, up to 50 mails from <code>{env.MAIL_OUTBOX_DIR}</code>.
        </p>
        {mails.length === 0 ? (
          <p className="rounded-xl border border-dashed border-neutral-300 p-8 text-center text-sm text-neutral-500 dark:border-neutral-700 dark:text-neutral-400">
            No mail yet. Ask for a password reset to see one here.
          </p>
        ) : (
          <ul className="divide-y divide-neutral-200 overflow-hidden rounded-xl border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
            {mails.map((mail) => (
              <li key={mail.id}>
                <Link
                  href={`/dev/outbox/${mail.id}`}
                  className="flex flex-col gap-1 px-4 py-3 hover:bg-neutral-50 focus-visible:bg-neutral-50 focus-visible:outline-none sm:flex-row sm:items-center sm:gap-4 dark:hover:bg-neutral-900 dark:focus-visible:bg-neutral-900"
                >
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{mail.subject}</span>
                    <span className="block truncate text-sm text-neutral-500 dark:text-neutral-400">
                      To: {mail.to}
                    </span>
                  </span>
                  <time
                    dateTime={mail.sentAt}
                    className="shrink-0 text-xs text-neutral-500 tabular-nums dark:text-neutral-400"
                  >
                    {new Date(mail.sentAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC
                  </time>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
