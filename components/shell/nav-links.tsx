"use client";

import { CircleUserRound, Heart, House, type LucideIcon, Settings, SquarePlus } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useUnreadCount } from "@/components/notifications/use-unread-count";

type NavItem = {
  href: string;
  label: string;
  icon: LucideIcon;
  match: (path: string) => boolean;
  /** unread count shown on the icon */
  badge?: number;
};

// Only pages that exist; add items here as features land.
function navItems(username: string, unread: number): NavItem[] {
  const profile = `/${username}`;
  return [
    { href: "/", label: "Home", icon: House, match: (p) => p === "/" },
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
  ];
}

/** "9+" above 9, as on Instagram. */
const badgeText = (n: number) => (n > 9 ? "9+" : String(n));

/**
 * The main navigation links: icons in the tab bar and rail, icons + labels in the sidebar.
 * `unreadCount` is the server's count; the badge then follows live events (useUnreadCount).
 */
export function NavLinks({ username, unreadCount }: { username: string; unreadCount: number }) {
  const pathname = usePathname();
  const unread = useUnreadCount(unreadCount);
  const items = navItems(username, unread);
  return (
    <ul className="flex w-full items-center justify-around md:flex-col md:items-stretch md:gap-2">
      {items.map(({ href, label, icon: Icon, match, badge = 0 }) => {
        const current = match(pathname);
        return (
          <li key={href} className="flex md:block">
            <Link
              href={href}
              aria-label={badge > 0 ? `${label}, ${badge} unread` : label}
              aria-current={current ? "page" : undefined}
              title={label}
              className={`group flex size-12 items-center justify-center rounded-lg transition-colors hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 md:w-full xl:justify-start xl:gap-4 xl:px-3 dark:hover:bg-neutral-900 ${
                current ? "font-bold" : "font-normal"
              }`}
            >
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
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
