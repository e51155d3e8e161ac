import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

type EmptyStateProps = {
  icon: LucideIcon;
  title: string;
  description?: ReactNode;
  /** The profile's big headings ("No posts yet", "Save"); other lists use the smaller one. */
  large?: boolean;
  /** Vertical padding. */
  className?: string;
  /** Below the description (a link to act on it). */
  children?: ReactNode;
};

/** What an empty list shows instead: an icon in a ring, a heading and a line of explanation. */
export function EmptyState({
  icon: Icon,
  title,
  description,
  large = false,
  className = "py-14",
  children,
}: EmptyStateProps) {
  return (
    <div className={`flex flex-col items-center px-6 text-center ${className}`}>
      <span className="mb-4 inline-flex size-16 items-center justify-center rounded-full border-2 border-neutral-900 dark:border-neutral-100">
        <Icon aria-hidden="true" strokeWidth={1.5} className="size-8" />
      </span>
      <p className={large ? "text-2xl font-extrabold md:text-3xl" : "text-xl font-bold"}>{title}</p>
      {description ? (
        <p
          className={`${large ? "mt-3" : "mt-2"} max-w-xs text-sm text-neutral-600 dark:text-neutral-400`}
        >
          {description}
        </p>
      ) : null}
      {children}
    </div>
  );
}
