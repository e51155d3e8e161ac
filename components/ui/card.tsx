import type { ReactNode } from "react";

type CardProps = { children: ReactNode; className?: string };

/** A bordered panel; on phones the auth panels drop the border and fill the screen. */
export function Card({ children, className = "" }: CardProps) {
  return (
    <div
      className={`rounded-xl border border-neutral-200 bg-white dark:border-neutral-800 dark:bg-black ${className}`}
    >
      {children}
    </div>
  );
}

/** The Instagram-style auth box: bordered on tablet and desktop, borderless on small phones. */
export function AuthPanel({ children, className = "" }: CardProps) {
  return (
    <div
      className={`w-full px-6 py-8 sm:rounded-sm sm:border sm:border-neutral-300 sm:px-10 sm:py-10 dark:sm:border-neutral-800 ${className}`}
    >
      {children}
    </div>
  );
}
