import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LinkifiedText } from "@/components/dev/linkified-text";
import { OutboxBanner } from "@/components/dev/outbox-banner";
import Link from "@/components/ui/link";
import { readOutboxMail } from "@/lib/email/outbox";
import { drivers, env } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Development outbox", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function OutboxMailPage({ params }: Props) {
  if (!env.DEV_OUTBOX_PAGE || drivers.mail !== "outbox") notFound();
  const { id } = await params;
  const mail = await readOutboxMail(env.MAIL_OUTBOX_DIR, id);
  if (!mail) notFound();
  const rows: [string, string][] = [
    ["From", mail.from],
    ["To", mail.to],
    ["Subject", mail.subject],
    ["Sent", `${new Date(mail.sentAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC`],
  ];
  return (
    <div className="min-h-dvh">
      <OutboxBanner />
      <main className="mx-auto w-full max-w-3xl px-4 py-8">
        <Link
          href="/dev/outbox"
          className="mb-4 inline-flex items-center gap-1 text-sm text-sky-600 hover:underline dark:text-sky-400"
        >
          <ArrowLeft aria-hidden="true" className="size-4" />
          All mail
        </Link>
        <h1 className="mb-4 text-2xl font-bold break-words">{mail.subject}</h1>
        <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-neutral-500 dark:text-neutral-400">{label}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
        <pre className="overflow-x-auto rounded-xl border border-neutral-200 bg-neutral-50 p-4 font-mono text-sm leading-relaxed whitespace-pre-wrap break-words dark:border-neutral-800 dark:bg-neutral-950">
          <LinkifiedText text={mail.text} />
        </pre>
      </main>
    </div>
  );
}
