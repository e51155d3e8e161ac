import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import { FollowRequestList } from "@/components/follow-requests/follow-request-list";
import Link from "@/components/ui/link";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db";
import { listFollowRequests } from "@/lib/follows/queries-requests";

export const metadata: Metadata = { title: "Follow requests" };

/** The owner's follow requests inbox (newest 60): Confirm makes a follower, Delete drops it. */
export default async function FollowRequestsPage() {
  const user = await requireUser();
  const page = await listFollowRequests(getDb(), { userId: user.id, limit: 60 });
  return (
    <main className="mx-auto w-full max-w-[600px] py-4 md:py-8">
      <div className="mb-2 flex items-center gap-2 px-4">
        <Link
          href="/notifications"
          aria-label="Back to notifications"
          className="-ml-2 rounded-full p-2 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-neutral-800"
        >
          <ArrowLeft aria-hidden="true" className="size-5" />
        </Link>
        <h1 className="text-xl font-bold md:text-2xl">Follow requests</h1>
      </div>
      <FollowRequestList requests={page?.items ?? []} />
    </main>
  );
}
