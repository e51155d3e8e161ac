import Link from "@/components/ui/link";

/** "Reports" and "Log" tabs of the moderation pages. */
export function ModerationTabs({ current }: { current: "reports" | "log" }) {
  const tab = (href: string, label: string, active: boolean) => (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`-mb-px border-b-2 px-4 py-2 text-sm font-semibold ${
        active
          ? "border-neutral-900 text-neutral-900 dark:border-neutral-100 dark:text-neutral-100"
          : "border-transparent text-neutral-500 hover:text-neutral-800 dark:text-neutral-400"
      }`}
    >
      {label}
    </Link>
  );
  return (
    <nav
      aria-label="Moderation"
      className="mb-6 flex border-b border-neutral-200 dark:border-neutral-800"
    >
      {tab("/admin/reports", "Reports", current === "reports")}
      {tab("/admin/log", "Log", current === "log")}
    </nav>
  );
}
