import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { reasonLabels } from "@/lib/moderation/limits";
import type { ReportGroup } from "@/lib/moderation/queries";
import { DecisionButtons } from "./decision-buttons";

const kind = { post: "Post", comment: "Comment", user: "Account" } as const;

/** One reported target in the queue: what it is, why people reported it, and the decisions. */
export function ReportGroupCard({ group }: { group: ReportGroup }) {
  const { target } = group;
  const owner = target?.type === "user" ? target.account : target ? target.author : null;
  const headingId = `report-${group.targetType}-${group.targetId}`;
  return (
    <Card className="flex flex-col gap-4 p-4 sm:p-5">
      <article aria-labelledby={headingId} className="flex flex-col gap-4">
        <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <h2 id={headingId} className="text-base font-semibold">
            {kind[group.targetType]}
            {owner ? `${group.targetType === "user" ? "" : " by"} @${owner.username}` : ""}
          </h2>
          <p className="text-xs text-neutral-500 dark:text-neutral-400">
            {group.reportCount} {group.reportCount === 1 ? "report" : "reports"}, first{" "}
            <RelativeTime iso={group.firstReportedAt} />
          </p>
        </header>

        {target === null ? (
          <p className="text-sm text-neutral-500 dark:text-neutral-400">
            Already gone (deleted by its author, or the account was suspended).
          </p>
        ) : target.type === "post" ? (
          <div className="flex gap-3">
            {target.thumbnailUrl ? (
              // biome-ignore lint/performance/noImgElement: a small moderation thumbnail
              <img
                src={target.thumbnailUrl}
                alt=""
                className="size-20 shrink-0 rounded-md object-cover"
              />
            ) : null}
            <div className="min-w-0 text-sm">
              <p className="line-clamp-3 break-words">{target.caption || "(no caption)"}</p>
              <Link
                href={`/p/${target.id}`}
                className="mt-1 inline-block text-sky-700 hover:underline dark:text-sky-400"
              >
                Open post
              </Link>
            </div>
          </div>
        ) : target.type === "comment" ? (
          <div className="text-sm">
            <p className="rounded-lg bg-neutral-100 px-3 py-2 break-words dark:bg-neutral-900">
              {target.body}
            </p>
            <Link
              href={`/p/${target.postId}`}
              className="mt-1 inline-block text-sky-700 hover:underline dark:text-sky-400"
            >
              Open its post
            </Link>
          </div>
        ) : (
          <div className="flex items-center gap-3 text-sm">
            <Avatar src={target.account.avatarUrl} name={target.account.name} size="md" />
            <div className="min-w-0">
              <Link href={`/${target.account.username}`} className="font-semibold hover:underline">
                {target.account.name}
              </Link>
              <p className="line-clamp-2 text-neutral-600 dark:text-neutral-300">
                {target.account.bio}
              </p>
            </div>
          </div>
        )}

        <div className="flex flex-wrap gap-1.5">
          {group.reasons.map((r) => (
            <span
              key={r}
              className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200"
            >
              {reasonLabels[r]}
            </span>
          ))}
        </div>
        {group.details.length > 0 ? (
          <ul className="flex list-disc flex-col gap-1 pl-5 text-sm text-neutral-700 dark:text-neutral-300">
            {group.details.map((d) => (
              <li key={d} className="break-words">
                “{d}”
              </li>
            ))}
          </ul>
        ) : null}

        <DecisionButtons
          targetType={group.targetType}
          targetId={group.targetId}
          targetGone={target === null}
          authorName={owner?.username ?? null}
        />
      </article>
    </Card>
  );
}
