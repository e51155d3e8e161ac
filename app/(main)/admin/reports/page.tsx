import type { Metadata } from "next";
import { ModerationTabs } from "@/components/moderation/moderation-tabs";
import { ReportGroupCard } from "@/components/moderation/report-group-card";
import { TwoFactorRequired } from "@/components/moderation/two-factor-required";
import Link from "@/components/ui/link";
import { getDb } from "@/lib/db";
import { moderationNeedsTwoFactor, requireModerator } from "@/lib/moderation/access";
import { listReportQueue } from "@/lib/moderation/queries";

export const metadata: Metadata = { title: "Reports" };

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

/** The moderators' queue: every reported target once, the longest-waiting first. */
export default async function ReportsPage({ searchParams }: Props) {
  const moderator = await requireModerator();
  if (await moderationNeedsTwoFactor(getDb(), moderator)) return <TwoFactorRequired />;
  const { cursor } = await searchParams;
  const page =
    (await listReportQueue(getDb(), { cursor: typeof cursor === "string" ? cursor : null })) ??
    (await listReportQueue(getDb()));
  return (
    <main className="mx-auto w-full max-w-[680px] px-4 py-6 md:py-10">
      <h1 className="mb-4 text-xl font-bold md:text-2xl">Moderation</h1>
      <ModerationTabs current="reports" />
      {page?.items.length ? (
        <ul className="flex flex-col gap-4">
          {page.items.map((group) => (
            <li key={`${group.targetType}:${group.targetId}`}>
              <ReportGroupCard group={group} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="py-16 text-center text-sm text-neutral-500 dark:text-neutral-400">
          No open reports. All caught up.
        </p>
      )}
      {page?.nextCursor ? (
        <div className="mt-6 flex justify-center">
          <Link
            href={`/admin/reports?cursor=${encodeURIComponent(page.nextCursor)}`}
            className="rounded-lg bg-neutral-100 px-4 py-2 text-sm font-semibold hover:bg-neutral-200 dark:bg-neutral-800 dark:hover:bg-neutral-700"
          >
            More reports
          </Link>
        </div>
      ) : null}
    </main>
  );
}
