import type { Metadata } from "next";
import { ModerationTabs } from "@/components/moderation/moderation-tabs";
import { RestoreButton } from "@/components/moderation/restore-button";
import { TwoFactorRequired } from "@/components/moderation/two-factor-required";
import { Card } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { getDb } from "@/lib/db";
import { evidenceThumbnails } from "@/lib/media/evidence";
import { moderationNeedsTwoFactor, requireModerator } from "@/lib/moderation/access";
import { type LogEntry, listModerationLog } from "@/lib/moderation/queries";

export const metadata: Metadata = { title: "Moderation log" };

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

const verb: Record<LogEntry["action"], string> = {
  remove_post: "removed a post",
  remove_comment: "removed a comment",
  suspend_user: "suspended",
  restore_user: "restored",
  dismiss: "dismissed reports",
};

function targetLink(e: LogEntry) {
  if (e.targetType === "post" && e.action !== "remove_post") return `/p/${e.targetId}`;
  return null;
}

/** Every decision, newest first: who, what, on what, and their note. */
export default async function ModerationLogPage({ searchParams }: Props) {
  const moderator = await requireModerator();
  if (await moderationNeedsTwoFactor(getDb(), moderator)) return <TwoFactorRequired />;
  const { cursor } = await searchParams;
  const page =
    (await listModerationLog(getDb(), { cursor: typeof cursor === "string" ? cursor : null })) ??
    (await listModerationLog(getDb()));
  // A removed post's photos, from the private evidence copy (moderators only, never cached).
  const removedIds = (page?.items ?? []).filter((e) => e.action === "remove_post");
  const evidence = await evidenceThumbnails(
    getDb(),
    removedIds.map((e) => e.targetId),
  );
  return (
    <main className="mx-auto w-full max-w-[680px] px-4 py-6 md:py-10">
      <h1 className="mb-4 text-xl font-bold md:text-2xl">Moderation</h1>
      <ModerationTabs current="log" />
      {page?.items.length ? (
        <Card>
          <ul className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {page.items.map((e) => {
              const href = targetLink(e);
              return (
                <li key={e.id} className="flex flex-col gap-1 px-4 py-3 text-sm">
                  <p>
                    <span className="font-semibold">@{e.actor?.username ?? "deleted"}</span>{" "}
                    {verb[e.action]}
                    {e.subject
                      ? ` @${e.subject.username}`
                      : e.subjectErased
                        ? " a deleted account"
                        : ""}
                    {e.reportCount > 0
                      ? ` (${e.reportCount} ${e.reportCount === 1 ? "report" : "reports"})`
                      : ""}
                    {href ? (
                      <>
                        {" · "}
                        <Link
                          href={href}
                          className="text-sky-700 hover:underline dark:text-sky-400"
                        >
                          {e.targetType}
                        </Link>
                      </>
                    ) : (
                      ` · ${e.targetType === "user" ? "account" : e.targetType}`
                    )}
                  </p>
                  {e.action === "remove_post" && evidence.get(e.targetId)?.length ? (
                    <div className="flex gap-1">
                      {evidence.get(e.targetId)?.map((src, i) => (
                        // biome-ignore lint/performance/noImgElement: private, uncached evidence
                        <img
                          key={src}
                          src={src}
                          alt={`Removed post, ${i + 1} of ${evidence.get(e.targetId)?.length}`}
                          className="size-16 rounded object-cover"
                          loading="lazy"
                        />
                      ))}
                    </div>
                  ) : null}
                  {e.action === "suspend_user" && e.subject?.suspended ? (
                    <RestoreButton userId={e.subject.id} username={e.subject.username} />
                  ) : null}
                  {e.note ? (
                    <p className="text-neutral-600 dark:text-neutral-300">“{e.note}”</p>
                  ) : null}
                  <RelativeTime
                    iso={e.createdAt}
                    className="text-xs text-neutral-500 dark:text-neutral-400"
                  />
                </li>
              );
            })}
          </ul>
        </Card>
      ) : (
        <p className="py-16 text-center text-sm text-neutral-500 dark:text-neutral-400">
          No decisions yet.
        </p>
      )}
      {page?.nextCursor ? (
        <div className="mt-6 flex justify-center">
          <Link
            href={`/admin/log?cursor=${encodeURIComponent(page.nextCursor)}`}
            className="rounded-lg bg-neutral-100 px-4 py-2 text-sm font-semibold hover:bg-neutral-200 dark:bg-neutral-800 dark:hover:bg-neutral-700"
          >
            Older
          </Link>
        </div>
      ) : null}
    </main>
  );
}
