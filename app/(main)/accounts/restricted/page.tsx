import { MessageSquareLock } from "lucide-react";
import type { Metadata } from "next";
import { UnrestrictButton } from "@/components/comments/unrestrict-button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";
import { AvatarLink, UsernameLink } from "@/components/ui/profile-link";
import { requireUser } from "@/lib/auth/require-user";
import { listRestricted } from "@/lib/comments/queries-restrict";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Restricted accounts" };

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

/** Settings → Restricted accounts: newest first, 30 a page ("Show more" follows the cursor). */
export default async function RestrictedAccountsPage({ searchParams }: Props) {
  const user = await requireUser();
  const { cursor } = await searchParams;
  const page = (await listRestricted(getDb(), {
    ownerId: user.id,
    cursor: typeof cursor === "string" ? cursor : null,
  })) ?? { items: [], nextCursor: null };
  return (
    <main className="mx-auto w-full max-w-[600px] px-4 py-6 md:py-10">
      <p className="mb-2 text-sm">
        <Link
          href="/accounts/settings"
          className="text-sky-600 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400"
        >
          Settings
        </Link>
      </p>
      <h1 className="mb-2 text-xl font-bold md:text-2xl">Restricted accounts</h1>
      <p className="mb-6 text-sm text-neutral-600 dark:text-neutral-400">
        New comments from these accounts on your posts are visible only to them until you approve
        them. They aren&apos;t notified when you restrict them.
      </p>
      <Card className="p-2 sm:p-3">
        {page.items.length === 0 ? (
          <EmptyState
            icon={MessageSquareLock}
            title="No restricted accounts"
            description="Restrict someone from their profile or from one of their comments on your posts."
          />
        ) : (
          <ul aria-label="Restricted accounts">
            {page.items.map((person) => (
              <li key={person.id} className="flex items-center gap-3 px-2 py-2">
                <AvatarLink person={person} size="md" />
                <div className="min-w-0 flex-1 text-sm leading-tight">
                  <UsernameLink username={person.username} />
                  <p className="truncate text-neutral-500 dark:text-neutral-400">{person.name}</p>
                </div>
                <UnrestrictButton userId={person.id} username={person.username} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      {page.nextCursor ? (
        <p className="mt-4 text-center text-sm">
          <Link
            href={`/accounts/restricted?cursor=${encodeURIComponent(page.nextCursor)}`}
            className="font-semibold text-sky-600 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400"
          >
            Show more
          </Link>
        </p>
      ) : null}
    </main>
  );
}
