"use client";

import {
  CircleUserRound,
  Compass,
  Heart,
  House,
  type LucideIcon,
  Search,
  Settings,
  ShieldCheck,
  SquarePlus,
} from "lucide-react";
import { usePathname } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { useUnreadCount } from "@/components/notifications/use-unread-count";
import { SearchPanel } from "@/components/search/search-panel";
import Link from "@/components/ui/link";

type NavItem = {
  href: string;
  label: string;
  icon: LucideIcon;
  match: (path: string) => boolean;
  /** unread count shown on the icon */
  badge?: number;
  /** not in the phones' tab bar (Search already leads there) */
  desktopOnly?: boolean;
};

// Only pages that exist; add items here as features land.
function navItems(username: string, unread: number, moderator: boolean): NavItem[] {
  const profile = `/${username}`;
  const moderation: NavItem[] = moderator
    ? [
        {
          href: "/admin/reports",
          label: "Moderation",
          icon: ShieldCheck,
          match: (p) => p.startsWith("/admin"),
          desktopOnly: true,
        },
      ]
    : [];
  return [
    { href: "/", label: "Home", icon: House, match: (p) => p === "/" },
    {
      href: "/explore",
      label: "Explore",
      icon: Compass,
      match: (p) => p === "/explore" || p.startsWith("/explore/"),
      desktopOnly: true,
    },
    { href: "/create", label: "Create", icon: SquarePlus, match: (p) => p === "/create" },
    {
      href: "/notifications",
      label: "Notifications",
      icon: Heart,
      match: (p) => p === "/notifications",
      badge: unread,
    },
    {
      href: profile,
      label: "Profile",
      icon: CircleUserRound,
      match: (p) => p.toLowerCase() === profile.toLowerCase(),
    },
    {
      href: "/accounts/settings",
      label: "Settings",
      icon: Settings,
      match: (p) => p.startsWith("/accounts"),
    },
    ...moderation,
  ];
}

/** "9+" above 9, as on Instagram. */
const badgeText = (n: number) => (n > 9 ? "9+" : String(n));

const itemClass = (current: boolean, display = "flex") =>
  `group ${display} size-12 items-center justify-center rounded-lg transition-colors hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 md:w-full xl:justify-start xl:gap-4 xl:px-3 dark:hover:bg-neutral-900 ${
    current ? "font-bold" : "font-normal"
  }`;

/** An item's icon (with its badge) and, in the wide sidebar, its label. */
function ItemContent({
  icon: Icon,
  label,
  current,
  badge,
}: {
  icon: LucideIcon;
  label: string;
  current: boolean;
  badge: number;
}) {
  return (
    <>
      <span className="relative shrink-0">
        <Icon
          aria-hidden="true"
          strokeWidth={current ? 2.6 : 1.8}
          className="size-6 transition-transform group-hover:scale-105"
        />
        {badge > 0 ? (
          <span
            aria-hidden="true"
            className="absolute -top-1.5 -right-2 inline-flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-red-500 px-1 text-[11px] leading-none font-semibold text-white ring-2 ring-white dark:ring-black"
          >
            {badgeText(badge)}
          </span>
        ) : null}
      </span>
      <span className="hidden text-base xl:inline">{label}</span>
    </>
  );
}

const SEARCH_PANEL_ID = "search-panel";

/**
 * Search: on phones a link to /explore (the search page there); from 768 px a button that opens
 * the search panel beside the rail.
 */
function SearchItem({ pathname }: { pathname: string }) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const button = useRef<HTMLButtonElement>(null);
  const onExplore = pathname === "/explore" || pathname.startsWith("/explore/");
  return (
    <li className="flex md:block">
      <Link
        href="/explore"
        aria-label="Search"
        aria-current={onExplore ? "page" : undefined}
        title="Search"
        className={itemClass(onExplore, "flex md:hidden")}
      >
        <ItemContent icon={Search} label="Search" current={onExplore} badge={0} />
      </Link>
      <button
        ref={button}
        type="button"
        aria-label="Search"
        aria-expanded={open}
        aria-controls={SEARCH_PANEL_ID}
        title="Search"
        onClick={() => setOpen((o) => !o)}
        className={itemClass(open, "hidden md:flex")}
      >
        <ItemContent icon={Search} label="Search" current={open} badge={0} />
      </button>
      <SearchPanel id={SEARCH_PANEL_ID} open={open} onClose={close} trigger={button} />
    </li>
  );
}

/**
 * The main navigation links: icons in the tab bar and rail, icons + labels in the sidebar.
 * `unreadCount` is the server's count; the badge then follows live events (useUnreadCount).
 */
export function NavLinks({
  username,
  unreadCount,
  moderator = false,
}: {
  username: string;
  unreadCount: number;
  /** moderators and admins also get "Moderation" (phones reach it from Settings) */
  moderator?: boolean;
}) {
  const pathname = usePathname();
  const unread = useUnreadCount(unreadCount);
  const items = navItems(username, unread, moderator);
  const [home, ...rest] = items;
  const link = ({ href, label, icon, match, badge = 0, desktopOnly }: NavItem) => {
    const current = match(pathname);
    return (
      <li key={href} className={desktopOnly ? "hidden md:block" : "flex md:block"}>
        <Link
          href={href}
          aria-label={badge > 0 ? `${label}, ${badge} unread` : label}
          aria-current={current ? "page" : undefined}
          title={label}
          className={itemClass(current)}
        >
          <ItemContent icon={icon} label={label} current={current} badge={badge} />
        </Link>
      </li>
    );
  };
  // Phones: six tabs in six fixed columns (Explore and Moderation are hidden there), so a tab's
  // place never depends on the tabs after it, even when the first paint comes before the list is
  // all parsed. Keep the count in step with the items shown on phones.
  return (
    <ul className="grid w-full grid-cols-6 items-center justify-items-center md:flex md:flex-col md:items-stretch md:gap-2">
      {home ? link(home) : null}
      <SearchItem pathname={pathname} />
      {rest.map(link)}
    </ul>
  );
}
