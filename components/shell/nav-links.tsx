"use client";

import { CircleUserRound, House, type LucideIcon, Settings, SquarePlus } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

type NavItem = { href: string; label: string; icon: LucideIcon; match: (path: string) => boolean };

// Only pages that exist; add items here as features land.
function navItems(username: string): NavItem[] {
  const profile = `/${username}`;
  return [
    { href: "/", label: "Home", icon: House, match: (p) => p === "/" },
    { href: "/create", label: "Create", icon: SquarePlus, match: (p) => p === "/create" },
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

/** The main navigation links: icons in the tab bar and rail, icons + labels in the sidebar. */
export function NavLinks({ username }: { username: string }) {
  const pathname = usePathname();
  const items = navItems(username);
  return (
    <ul className="flex w-full items-center justify-around md:flex-col md:items-stretch md:gap-2">
      {items.map(({ href, label, icon: Icon, match }) => {
        const current = match(pathname);
        return (
          <li key={href} className="flex md:block">
            <Link
              href={href}
              aria-label={label}
              aria-current={current ? "page" : undefined}
              title={label}
              className={`group flex size-12 items-center justify-center rounded-lg transition-colors hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 md:w-full xl:justify-start xl:gap-4 xl:px-3 dark:hover:bg-neutral-900 ${
                current ? "font-bold" : "font-normal"
              }`}
            >
              <Icon
                aria-hidden="true"
                strokeWidth={current ? 2.6 : 1.8}
                className="size-6 shrink-0 transition-transform group-hover:scale-105"
              />
              <span className="hidden text-base xl:inline">{label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
