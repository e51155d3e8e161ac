import { Lock } from "lucide-react";

/** What a private account shows instead of its posts to anyone but its followers. */
export function PrivateProfilePanel() {
  return (
    <section
      aria-labelledby="private-account-heading"
      className="flex flex-col items-center gap-3 border-t border-neutral-200 px-6 py-12 text-center dark:border-neutral-800"
    >
      <span className="flex size-16 items-center justify-center rounded-full border-2 border-neutral-900 dark:border-neutral-100">
        <Lock aria-hidden="true" className="size-7" />
      </span>
      <h2 id="private-account-heading" className="text-base font-semibold">
        This account is private
      </h2>
      <p className="max-w-xs text-sm text-neutral-500 dark:text-neutral-400">
        Follow to see their photos.
      </p>
    </section>
  );
}
