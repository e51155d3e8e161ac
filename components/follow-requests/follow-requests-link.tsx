"use client";

import { ChevronRight } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import Link from "@/components/ui/link";
import { useLiveRequests } from "./use-live-requests";

type Props = {
  count: number;
  /** the newest requester, for the avatar */
  newest: { name: string; avatarUrl: string | null } | null;
};

/** The top row of the notifications page of a private account: "Follow requests (N)", live. */
export function FollowRequestsLink({ count, newest }: Props) {
  useLiveRequests();
  if (count === 0) return null;
  return (
    <Link
      href="/notifications/requests"
      className="flex items-center gap-3 px-4 py-3 hover:bg-neutral-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 dark:hover:bg-neutral-900"
    >
      {newest ? (
        <Avatar src={newest.avatarUrl} name={newest.name} size="md" />
      ) : (
        <span className="size-11 shrink-0" />
      )}
      <span className="min-w-0 flex-1 text-sm">
        <span className="block font-semibold">Follow requests</span>
        <span className="block text-neutral-500 dark:text-neutral-400">
          Approve or ignore requests
        </span>
      </span>
      <span className="rounded-full bg-red-500 px-2 py-0.5 text-xs font-semibold text-white">
        {count}
        <span className="sr-only"> pending</span>
      </span>
      <ChevronRight aria-hidden="true" className="size-5 text-neutral-400" />
    </Link>
  );
}
