import type { Metadata } from "next";
import { BlockedList, MutedList } from "@/components/relations/relations-list";
import { Card } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db";
import { listBlockedAccounts, listMutedAccounts } from "@/lib/relations/queries";

export const metadata: Metadata = { title: "Blocked and muted accounts" };

// Settings -> Blocked accounts and Muted accounts: the signed-in user's own lists only.
export default async function BlockedAccountsPage() {
  const user = await requireUser();
  const db = getDb();
  const [blocked, muted] = await Promise.all([
    listBlockedAccounts(db, user.id),
    listMutedAccounts(db, user.id),
  ]);
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
      <h1 className="mb-6 text-xl font-bold md:text-2xl">Blocked and muted accounts</h1>

      <section aria-labelledby="blocked-heading" className="mb-6">
        <h2 id="blocked-heading" className="mb-1 text-base font-semibold">
          Blocked accounts
        </h2>
        <p className="mb-3 text-sm text-neutral-500 dark:text-neutral-400">
          They can&apos;t find your profile or posts, or like, comment on, follow or mention you.
          They aren&apos;t told when you block or unblock them.
        </p>
        <Card className="p-4 sm:p-5">
          <BlockedList people={blocked} />
        </Card>
      </section>

      <section aria-labelledby="muted-heading">
        <h2 id="muted-heading" className="mb-1 text-base font-semibold">
          Muted accounts
        </h2>
        <p className="mb-3 text-sm text-neutral-500 dark:text-neutral-400">
          Their posts stay out of your feed (and, if you chose, their comments out of your view).
          You still follow them, and they aren&apos;t told.
        </p>
        <Card className="p-4 sm:p-5">
          <MutedList people={muted} />
        </Card>
      </section>
    </main>
  );
}
