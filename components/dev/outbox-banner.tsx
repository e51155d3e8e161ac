import { FlaskConical } from "lucide-react";

/** Makes it obvious the outbox pages are a development tool, not part of the product. */
export function OutboxBanner() {
  return (
    <div className="flex items-center gap-2 border-b border-amber-300 bg-amber-100 px-4 py-2 text-sm font-medium text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
      <FlaskConical aria-hidden="true" className="size-4" />
      Development outbox: mails the app would have sent. Not shown in production.
    </div>
  );
}
