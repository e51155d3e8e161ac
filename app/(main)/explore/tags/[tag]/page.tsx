import { Hash } from "lucide-react";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ProfileGrid } from "@/components/profile/profile-grid";
import {
  createRequestQueryClient,
  HydrateLists,
  prefetchFirstPage,
} from "@/components/query/hydrate-lists";
import { lists } from "@/components/query/list-query";
import Link from "@/components/ui/link";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db";
import { tagPage } from "@/lib/discover/queries";
import { normalizeTag } from "@/lib/discover/validation";
import { formatCount } from "@/lib/shared/format";

type Props = { params: Promise<{ tag: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = normalizeTag((await params).tag);
  return { title: tag ? `#${tag}` : "Tag not found" };
}

/** A tag: "#tag", its post count, its top posts, then its posts newest first (paged). */
export default async function TagPage({ params }: Props) {
  const user = await requireUser();
  const raw = (await params).tag;
  const tag = normalizeTag(raw);
  if (!tag) notFound();
  // One address per tag: /explore/tags/Sunset and /explore/tags/%23sunset lead to .../sunset.
  if (raw !== tag && raw !== encodeURIComponent(tag)) {
    redirect(`/explore/tags/${encodeURIComponent(tag)}`);
  }
  const page = await tagPage(getDb(), { tag, viewerId: user.id });
  if (!page) notFound();
  const empty = page.top.length === 0 && page.recent.items.length === 0;
  // A tag whose posts all fit among the top ones shows them once, newest first.
  const showTop =
    page.top.length > 0 &&
    (page.recent.nextCursor !== null || page.recent.items.length > page.top.length);
  const queryClient = createRequestQueryClient();
  await Promise.all([
    showTop
      ? prefetchFirstPage(queryClient, lists.tag(tag, "top").queryKey, async () => ({
          items: page.top,
          nextCursor: null,
        }))
      : null,
    prefetchFirstPage(queryClient, lists.tag(tag, "recent").queryKey, async () => page.recent),
  ]);

  return (
    <main className="mx-auto w-full max-w-[935px] pb-12 md:px-5 md:pt-8">
      <header className="flex items-center gap-5 px-4 py-6 md:gap-10 md:px-0 md:pb-10">
        <span className="inline-flex size-20 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-amber-400 via-pink-500 to-violet-600 text-white md:size-36">
          <Hash aria-hidden="true" className="size-9 md:size-16" strokeWidth={1.75} />
        </span>
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold md:text-3xl">#{tag}</h1>
          <p className="mt-1 text-sm text-neutral-600 md:text-base dark:text-neutral-400">
            <span className="font-semibold text-neutral-900 dark:text-neutral-100">
              {formatCount(page.postCount)}
            </span>{" "}
            {page.postCount === 1 ? "post" : "posts"}
          </p>
        </div>
      </header>

      {empty ? (
        <div className="flex flex-col items-center border-t border-neutral-200 px-6 py-14 text-center dark:border-neutral-800">
          <p className="text-xl font-bold">No posts yet</p>
          <p className="mt-2 max-w-xs text-sm text-neutral-600 dark:text-neutral-400">
            Nobody has shared a photo with #{tag} yet.
          </p>
          <Link
            href="/create"
            className="mt-4 rounded-sm text-sm font-semibold text-sky-600 hover:text-sky-800 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400 dark:hover:text-sky-300"
          >
            Be the first
          </Link>
        </div>
      ) : (
        <HydrateLists client={queryClient}>
          <div className="flex flex-col gap-8">
            {showTop ? (
              <ProfileGrid feed={{ ...lists.tag(tag, "top"), title: "Top posts" }} />
            ) : null}
            <ProfileGrid feed={{ ...lists.tag(tag, "recent"), title: "Most recent" }} />
          </div>
        </HydrateLists>
      )}
    </main>
  );
}
