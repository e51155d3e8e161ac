import { TrendingUp } from "lucide-react";
import Link from "@/components/ui/link";
import type { TrendingTag } from "@/lib/discover/queries";
import { formatCompact } from "@/lib/shared/format";

/** The explore page's trending tags as chips, each leading to its tag page. */
export function TrendingTags({ tags }: { tags: TrendingTag[] }) {
  if (tags.length === 0) return null;
  return (
    <section aria-labelledby="trending-heading" className="px-4 md:px-0">
      <h2 id="trending-heading" className="mb-3 text-base font-semibold">
        Trending tags
      </h2>
      <ul className="relative -mx-4 flex gap-2 overflow-x-auto px-4 pb-1 [scrollbar-width:none] md:mx-0 md:flex-wrap md:overflow-visible md:px-0">
        {tags.map((t) => (
          <li key={t.tag} className="shrink-0">
            <Link
              href={`/explore/tags/${encodeURIComponent(t.tag)}`}
              className="inline-flex h-9 max-w-[16rem] items-center gap-1.5 rounded-full border border-neutral-300 px-3.5 text-sm transition-colors hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-neutral-700 dark:hover:bg-neutral-900"
            >
              {t.rising ? (
                <TrendingUp aria-hidden="true" className="size-4 shrink-0 text-pink-600" />
              ) : null}
              <span className="truncate font-semibold">#{t.tag}</span>
              <span className="shrink-0 text-neutral-500 dark:text-neutral-400">
                {formatCompact(t.postCount)}
                <span className="sr-only"> {t.postCount === 1 ? "post" : "posts"}</span>
                {t.rising ? <span className="sr-only">, rising</span> : null}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
