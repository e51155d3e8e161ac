import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { Logo, LogoLink, LogoMark } from "@/components/ui/logo";
import { NavLinks } from "./nav-links";

/**
 * Instagram's responsive frame: a bottom tab bar on phones (<768px), an icon rail on tablets
 * (768-1279px) and a labelled sidebar on desktops (>=1280px). One <nav> changes shape.
 */
export function AppShell({
  children,
  username,
  unreadCount = 0,
  moderator = false,
}: {
  children: ReactNode;
  username: string | null;
  /** unread notifications of the signed-in user, for the nav badge */
  unreadCount?: number;
  /** the signed-in user moderates (Moderation in the nav) */
  moderator?: boolean;
}) {
  if (!username) return <SignedOutShell>{children}</SignedOutShell>;
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-20 flex h-14 items-center border-b border-neutral-200 bg-white/90 px-4 pt-[env(safe-area-inset-top)] backdrop-blur md:hidden dark:border-neutral-800 dark:bg-black/90">
        <LogoLink />
      </header>

      <nav
        aria-label="Main"
        className="fixed inset-x-0 bottom-0 z-30 border-t border-neutral-200 bg-white pb-[env(safe-area-inset-bottom)] md:inset-y-0 md:right-auto md:left-0 md:flex md:w-[72px] md:flex-col md:border-t-0 md:border-r md:px-3 md:pt-6 md:pb-5 xl:w-[244px] dark:border-neutral-800 dark:bg-black"
      >
        <Link
          href="/"
          aria-label="Snapgram home"
          className="mb-8 hidden h-12 items-center justify-center rounded-lg focus-visible:outline-2 focus-visible:outline-sky-500 md:flex xl:justify-start xl:px-3"
        >
          <LogoMark className="size-7 xl:hidden" />
          <Logo className="hidden text-[1.7rem] xl:inline" />
        </Link>
        <div className="h-12 md:h-auto">
          <NavLinks username={username} unreadCount={unreadCount} moderator={moderator} />
        </div>
      </nav>

      <div className="pb-[calc(3rem+env(safe-area-inset-bottom))] md:pb-0 md:pl-[72px] xl:pl-[244px]">
        {children}
      </div>
    </div>
  );
}

/** Public pages (profiles, posts) seen signed out: a top bar inviting to log in or sign up. */
function SignedOutShell({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-20 border-b border-neutral-200 bg-white/90 pt-[env(safe-area-inset-top)] backdrop-blur dark:border-neutral-800 dark:bg-black/90">
        <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-3 px-4">
          <LogoLink href="/login" label="Snapgram" />
          <div className="flex items-center gap-2">
            <Link
              href="/login"
              className="inline-flex h-9 items-center rounded-lg bg-sky-600 px-4 text-sm font-semibold text-white hover:bg-sky-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
            >
              Log in
            </Link>
            <Link
              href="/register"
              className="inline-flex h-9 items-center rounded-lg px-3 text-sm font-semibold text-sky-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400 dark:hover:bg-neutral-900"
            >
              Sign up
            </Link>
          </div>
        </div>
      </header>
      {children}
    </div>
  );
}
