import { Bookmark, Grid3x3, type LucideIcon } from "lucide-react";
import Link from "@/components/ui/link";
import type { GridSource } from "./profile-grid";

type ProfileTabsProps = { username: string; active: GridSource };

const tabs: { source: GridSource; label: string; icon: LucideIcon }[] = [
  { source: "posts", label: "Posts", icon: Grid3x3 },
  { source: "saved", label: "Saved", icon: Bookmark },
];

/**
 * "Posts" and "Saved" above the owner's grid (Saved exists for the owner only). Links to
 * /<username> and /<username>?tab=saved, so a tab can be bookmarked and the server renders its
 * first page; the current one has aria-current="page".
 */
export function ProfileTabs({ username, active }: ProfileTabsProps) {
  const base = `/${encodeURIComponent(username)}`;
  return (
    <nav
      aria-label="Profile sections"
      className="border-t border-neutral-200 dark:border-neutral-800"
    >
      <ul className="flex justify-center gap-0 md:gap-14">
        {tabs.map(({ source, label, icon: Icon }) => {
          const current = source === active;
          return (
            <li key={source} className="flex-1 md:flex-none">
              <Link
                href={source === "posts" ? base : `${base}?tab=saved`}
                scroll={false}
                aria-current={current ? "page" : undefined}
                className={`-mt-px flex h-12 items-center justify-center gap-1.5 border-t text-xs font-semibold tracking-widest uppercase focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 md:h-[52px] md:px-1 ${
                  current
                    ? "border-neutral-900 text-neutral-900 dark:border-neutral-100 dark:text-neutral-100"
                    : "border-transparent text-neutral-500 hover:text-neutral-700 dark:text-neutral-400 dark:hover:text-neutral-200"
                }`}
              >
                <Icon aria-hidden="true" className="size-4 md:size-3.5" />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
